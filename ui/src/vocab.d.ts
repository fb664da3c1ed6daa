// The virtual module made by build.mjs from ingest/vocab/bodies.yaml.
declare module "vocab" {
  const vocab: Record<string, { branch: string | null; name: string | null; levels: Record<string, string> }>;
  export default vocab;
}
