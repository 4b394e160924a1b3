"""The default cache: the process's own memory, except for what sign-in must share.

allauth keeps its counters of failed sign-ins, and the TOTP codes already used, in Django's
default cache and offers no way to name another. In each gunicorn worker's own memory a limit
of five attempts would become five per worker, and a code could be used once per worker.
This backend sends allauth's keys to a cache every process shares (the database, so no
Redis has to be up to sign in) and keeps everything else, such as the managers' figures, in
the process as before.
"""

from __future__ import annotations

from typing import Any

from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache


class SignInSharedCache(BaseCache):
    """Route keys starting with one of OPTIONS["SHARED_PREFIXES"] to OPTIONS["SHARED"],
    the rest to OPTIONS["LOCAL"] (both names of other CACHES entries)."""

    def __init__(self, location: str, params: dict[str, Any]) -> None:
        options = params.get("OPTIONS", {})
        super().__init__(params)
        self._local_alias = options["LOCAL"]
        self._shared_alias = options["SHARED"]
        self._shared_prefixes = tuple(options["SHARED_PREFIXES"])

    def _for(self, key: str) -> BaseCache:
        alias = self._shared_alias if key.startswith(self._shared_prefixes) else self._local_alias
        return caches[alias]

    def _split(self, keys) -> dict[BaseCache, list]:
        groups: dict[BaseCache, list] = {}
        for key in keys:
            groups.setdefault(self._for(key), []).append(key)
        return groups

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._for(key).add(key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._for(key).get(key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._for(key).set(key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._for(key).touch(key, timeout, version)

    def delete(self, key, version=None):
        return self._for(key).delete(key, version)

    def has_key(self, key, version=None):
        return self._for(key).has_key(key, version)

    def incr(self, key, delta=1, version=None):
        return self._for(key).incr(key, delta, version)

    def get_many(self, keys, version=None):
        found = {}
        for cache, group in self._split(keys).items():
            found.update(cache.get_many(group, version))
        return found

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        failed = []
        for cache, group in self._split(data).items():
            failed += cache.set_many({key: data[key] for key in group}, timeout, version)
        return failed

    def delete_many(self, keys, version=None):
        for cache, group in self._split(keys).items():
            cache.delete_many(group, version)

    def clear(self):
        caches[self._local_alias].clear()
        caches[self._shared_alias].clear()

    def close(self, **kwargs):
        caches[self._local_alias].close(**kwargs)
        caches[self._shared_alias].close(**kwargs)
