from __future__ import annotations

import pytest

from tests.web.site import Site, news_site


@pytest.fixture
def site():
    """A fresh local web site (127.0.0.1, a free port) for one test."""
    s = Site().start()
    news_site(s)
    yield s
    s.stop()
