// The NFC text of one source, as it was ingested: every Evidence's `start`/`end`
// and `sentence_start` are character offsets into it.
// :param {id: '000_3ebe3cc6aa2eb4b4'}
MATCH (s:Source {id: $id})
RETURN s.text AS text, s.content_hash AS content_hash, s.length AS length
