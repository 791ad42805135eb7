#!/usr/bin/env python3
"""A minimal backend for tyokyky's app, in Python's standard library: an example to read, not to run in
production (it keeps documents in memory).

    python3 conformance/minimal_server.py --port 8090 --origin https://portal.example.fi

What the app needs of any backend, and all this does:

* `POST /documents` with a document's JSON: answer a 2xx once the document is kept (here 202
  `{"status": "queued", "id": …}`; `--answer 200` or `--answer 204` for the other common forms).
* The same `Idempotency-Key` with the same body again (the app's retry after a lost answer): the same 2xx
  and id, and no second copy. The same key with another body: 409 `idempotency_key_reused`.
* A body that is not JSON, or JSON without `idempotency_key` and `kind`: 400. Never a 5xx for the
  client's mistake: the app retries a 5xx.
* CORS for the host page's origin: the preflight allows POST with Content-Type and Idempotency-Key
  (Authorization too, for a backend that wants a token), and every answer names the origin.

`GET /stored` tells how many copies of each key are kept (for the conformance tests). `--broken MODE`
breaks one rule on purpose, so the tests can show that `check.py` notices.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

BROKEN_MODES = ("store-twice", "refuse-repeat", "accept-other-body", "accept-bad", "no-cors")


class Documents:
    """The documents kept, by idempotency key: each copy's body hash and id."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.copies: dict[str, list[tuple[str, str]]] = {}

    def keep(self, key: str, digest: str) -> str | None:
        """Keeps a document once per key: the id of its copy, or `None` for a key reused with another body."""
        with self.lock:
            kept = self.copies.setdefault(key, [])
            if not kept:
                kept.append((digest, str(uuid.uuid4())))
            first_digest, first_id = kept[0]
            return first_id if first_digest == digest else None

    def counts(self) -> dict[str, int]:
        """How many copies each key has."""
        with self.lock:
            return {key: len(kept) for key, kept in self.copies.items()}


class Handler(BaseHTTPRequestHandler):
    """The two endpoints and the CORS preflight."""

    documents: Documents
    origins: set[str]
    answer: int
    broken: str | None

    def send_json(self, status: int, body: dict[str, Any] | None) -> None:
        """Answers `status` with `body` as JSON (none for 204), and CORS headers for an allowed origin."""
        data = b"" if body is None or status == 204 else json.dumps(body).encode("utf-8")
        self.send_response(status)
        self.cors()
        if data:
            self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def refuse(self, status: int, code: str, message: str) -> None:
        """An error in the product's shape, whose `code` the app knows."""
        self.send_json(status, {"error": {"code": code, "message": message}})

    def cors(self) -> None:
        """Lets an allowed origin's page read the answer."""
        origin = self.headers.get("Origin")
        if origin in self.origins and self.broken != "no-cors":
            self.send_header("Access-Control-Allow-Origin", origin)
            self.send_header("Vary", "Origin")

    def do_OPTIONS(self) -> None:  # noqa: N802 (the name http.server calls)
        """The browser's preflight before a cross-origin POST."""
        self.send_response(204)
        self.cors()
        if self.headers.get("Origin") in self.origins and self.broken != "no-cors":
            self.send_header("Access-Control-Allow-Methods", "POST")
            self.send_header("Access-Control-Allow-Headers", "Content-Type, Idempotency-Key, Authorization")
            self.send_header("Access-Control-Max-Age", "600")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:  # noqa: N802
        """`GET /stored`: the copies kept of each key."""
        if self.path != "/stored":
            return self.refuse(404, "not_found", "no such endpoint")
        self.send_json(200, {"copies": self.documents.counts()})

    def do_POST(self) -> None:  # noqa: N802
        """`POST /documents`: keeps a document once per key."""
        if self.path != "/documents":
            return self.refuse(404, "not_found", "no such endpoint")
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        try:
            document = json.loads(body)
        except ValueError:
            document = None
            if self.broken != "accept-bad":
                return self.refuse(400, "malformed_json", "the body is not JSON")
        is_document = isinstance(document, dict) and "idempotency_key" in document and "kind" in document
        if not is_document and self.broken != "accept-bad":
            return self.refuse(400, "invalid_document", "a document has `idempotency_key` and `kind`")
        body_key = str(document["idempotency_key"]) if is_document else None
        key = self.headers.get("Idempotency-Key") or body_key or str(uuid.uuid4())
        if body_key is not None and key.lower() != body_key.lower():
            return self.refuse(400, "idempotency_key_mismatch", "the Idempotency-Key is not the body's")
        kept_id = self.documents.keep(key.lower(), hashlib.sha256(body).hexdigest())
        if kept_id is None:
            return self.refuse(409, "idempotency_key_reused", "another document has this key")
        self.send_json(self.answer, {"status": "queued", "id": kept_id})


class BrokenDocuments(Documents):
    """Documents kept wrongly on purpose (`--broken`), only for the tests of `check.py`."""

    def __init__(self, broken: str) -> None:
        super().__init__()
        self.broken = broken

    def keep(self, key: str, digest: str) -> str | None:
        """A second copy of every repeat, a conflict for every repeat, or no check of the body."""
        with self.lock:
            kept = self.copies.setdefault(key, [])
            if not kept or self.broken == "store-twice":
                kept.append((digest, str(uuid.uuid4())))
                return kept[-1][1]
            first_digest, first_id = kept[0]
            if self.broken == "refuse-repeat":
                return None
            if self.broken == "accept-other-body":
                return first_id
            return first_id if first_digest == digest else None


def main() -> None:
    """Serves until interrupted; prints the address first."""
    parser = argparse.ArgumentParser(description="A minimal backend for tyokyky's app (documents in memory).")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8090, help="0 picks a free port")
    parser.add_argument("--origin", action="append", default=[], help="a host page's origin allowed by CORS")
    parser.add_argument(
        "--answer", type=int, choices=(200, 202, 204), default=202, help="the status of a delivery"
    )
    parser.add_argument("--broken", choices=BROKEN_MODES, help="break one rule on purpose (for the tests)")
    args = parser.parse_args()
    Handler.documents = BrokenDocuments(args.broken) if args.broken else Documents()
    Handler.origins = set(args.origin)
    Handler.answer = args.answer
    Handler.broken = args.broken
    server = ThreadingHTTPServer((args.host, args.port), Handler)
    print(f"minimal backend listening on http://{args.host}:{server.server_port}/documents", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
