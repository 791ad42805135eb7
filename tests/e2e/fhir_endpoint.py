#!/usr/bin/env python3
"""A FHIR server's base for the end-to-end tests, in Python's standard library: it takes what the app's
`fhir` route posts (a FHIR R4 `transaction` Bundle whose entries are `PUT <type>/<id>`), keeps each resource
by its type and id (a second `PUT` replaces it, as a FHIR server does), and answers 200 with a
`transaction-response` Bundle. It checks only the transaction's shape; `tests/fhir/validate.py` validates
the saved Bundles as R4.

    python3 tests/e2e/fhir_endpoint.py --port 0 --origin http://127.0.0.1:9000 --save DIR

`GET /written` tells how many transactions came and how many times each resource was written.
"""

from __future__ import annotations

import argparse
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any


class Handler(BaseHTTPRequestHandler):
    """The base (`POST /fhir`), the preflight and `GET /written`."""

    origins: set[str]
    save: Path | None
    lock = threading.Lock()
    transactions = 0
    writes: dict[str, int] = {}

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (http.server's name)
        """Quiet: the tests print what matters."""

    def answer(self, status: int, body: dict[str, Any] | None) -> None:
        data = b"" if body is None else json.dumps(body).encode("utf-8")
        self.send_response(status)
        origin = self.headers.get("Origin")
        if origin in self.origins:
            self.send_header("Access-Control-Allow-Origin", origin)
            self.send_header("Vary", "Origin")
        if data:
            self.send_header("Content-Type", "application/fhir+json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def outcome(self, status: int, text: str) -> None:
        """A refusal as FHIR gives one: an `OperationOutcome`."""
        issue = {"severity": "error", "code": "invalid", "diagnostics": text}
        self.answer(status, {"resourceType": "OperationOutcome", "issue": [issue]})

    def do_OPTIONS(self) -> None:  # noqa: N802 (the name http.server calls)
        self.send_response(204)
        if self.headers.get("Origin") in self.origins:
            self.send_header("Access-Control-Allow-Origin", self.headers["Origin"])
            self.send_header("Access-Control-Allow-Methods", "POST")
            self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept, Idempotency-Key")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:  # noqa: N802
        if self.path != "/written":
            return self.outcome(404, "no such endpoint")
        with self.lock:
            self.answer(200, {"transactions": Handler.transactions, "writes": dict(Handler.writes)})

    def do_POST(self) -> None:  # noqa: N802
        if self.path != "/fhir":
            return self.outcome(404, "no such endpoint")
        if not (self.headers.get("Content-Type") or "").startswith("application/fhir+json"):
            return self.outcome(415, "a FHIR server takes application/fhir+json")
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        try:
            bundle = json.loads(body)
        except ValueError:
            return self.outcome(400, "the body is not JSON")
        if bundle.get("resourceType") != "Bundle" or bundle.get("type") != "transaction":
            return self.outcome(400, "the base takes a transaction Bundle")
        targets = []
        for entry in bundle.get("entry", []):
            request = entry.get("request", {})
            resource = entry.get("resource", {})
            target = f"{resource.get('resourceType')}/{resource.get('id')}"
            if request.get("method") != "PUT" or request.get("url") != target:
                return self.outcome(400, f"each entry a PUT of its own type and id, not {request}")
            targets.append(target)
        with self.lock:
            Handler.transactions += 1
            for target in targets:
                Handler.writes[target] = Handler.writes.get(target, 0) + 1
            versions = [Handler.writes[target] for target in targets]
            if self.save:
                (self.save / f"transaction-{Handler.transactions}.json").write_bytes(body)
        response = {
            "resourceType": "Bundle",
            "type": "transaction-response",
            "entry": [
                {
                    "response": {
                        "status": "201 Created" if version == 1 else "200 OK",
                        "location": f"{target}/_history/{version}",
                    }
                }
                for target, version in zip(targets, versions)
            ],
        }
        self.answer(200, response)


def main() -> None:
    parser = argparse.ArgumentParser(description="A FHIR transaction endpoint for the end-to-end tests.")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--origin", action="append", default=[])
    parser.add_argument("--save", type=Path, help="a folder to save each transaction in")
    args = parser.parse_args()
    Handler.origins = set(args.origin)
    Handler.save = args.save
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    print(f"FHIR endpoint listening on http://127.0.0.1:{server.server_port}/fhir", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
