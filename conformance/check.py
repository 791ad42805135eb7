#!/usr/bin/env python3
"""Checks a backend against the minimal contract tyokyky's app posts documents by.

    python3 conformance/check.py --url https://backend.example.fi/documents --origin https://portal.example.fi

The app POSTs a document's JSON with `Content-Type: application/json` and `Idempotency-Key: <the
document's idempotency_key>`. Any 2xx is a delivery and is never sent again; 408, 429, a 5xx or a
network error is retried later with the same key; any other 4xx is a refusal shown to the person. This
script sends what the app sends (and some things it never does) and says, one line per check, what it
sent, what came back and why it matters. It exits with 0 only when every required check passes; a WARN
is worth reading but does not fail the run.

Every valid document it sends is a synthetic contact request (`conformance/documents/`) with a fresh key
and the current time, so the script can be run again and again against a real backend: a run leaves one
such document there (two, if the backend takes the one whose header and body keys differ). Standard
library only.
"""

from __future__ import annotations

import argparse
import copy
import http.client
import json
import sys
import uuid
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

DOCUMENTS = Path(__file__).resolve().parent / "documents"
TIMEOUT_SECONDS = 15.0

PASS, WARN, FAIL, SKIP = "PASS", "WARN", "FAIL", "SKIP"


@dataclass
class Answer:
    """What came back for one request, or the network error instead."""

    status: int | None
    reason: str = ""
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    error: str | None = None

    def header(self, name: str) -> str | None:
        """The header `name` (any case), or `None`."""
        return self.headers.get(name.lower())

    def json(self) -> Any:
        """The body as JSON, or `None` when it is not JSON."""
        try:
            return json.loads(self.body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            return None

    def describe(self) -> str:
        """The answer in a few words: status, and the error code of an error body."""
        if self.status is None:
            return f"no answer ({self.error})"
        text = f"{self.status} {self.reason}".strip()
        body = self.json()
        if isinstance(body, dict) and isinstance(body.get("error"), dict):
            code = body["error"].get("code")
            if code:
                text += f" `{code}`"
        elif isinstance(body, dict) and receipt_id(body):
            text += f" (receipt id {receipt_id(body)})"
        elif not self.body:
            text += " (empty body)"
        return text


@dataclass
class Check:
    """One line of the report."""

    name: str
    status: str
    required: bool
    sent: str
    got: str
    why: str

    def line(self) -> str:
        """The check as one readable line."""
        need = "" if self.required else " (advice)"
        return f"{self.status}  {self.name}{need}: sent {self.sent}; got {self.got}; {self.why}"


class Backend:
    """The backend at one URL, spoken to as the app speaks to it."""

    def __init__(self, url: str, origin: str | None, token: str | None) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"`{url}` is not an http(s) URL")
        self.parts = parts
        self.path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        self.origin = origin
        self.token = token

    def request(self, method: str, headers: dict[str, str], body: bytes | None = None) -> Answer:
        """Sends one request on a connection of its own; never follows a redirect."""
        connection_class = (
            http.client.HTTPSConnection if self.parts.scheme == "https" else http.client.HTTPConnection
        )
        connection = connection_class(self.parts.hostname, self.parts.port, timeout=TIMEOUT_SECONDS)
        try:
            connection.request(method, self.path, body=body, headers=headers)
            response = connection.getresponse()
            content = response.read()
            return Answer(
                status=response.status,
                reason=response.reason,
                headers={name.lower(): value for name, value in response.getheaders()},
                body=content,
            )
        except (OSError, http.client.HTTPException) as problem:
            return Answer(status=None, error=f"{type(problem).__name__}: {problem}")
        finally:
            connection.close()

    def post(self, body: bytes, key: str | None) -> Answer:
        """A POST as the app makes it: JSON, the key as `Idempotency-Key`, the origin and token if given."""
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if key is not None:
            headers["Idempotency-Key"] = key
        if self.origin:
            headers["Origin"] = self.origin
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        return self.request("POST", headers, body)

    def preflight(self, wanted_headers: list[str]) -> Answer:
        """The OPTIONS request a browser sends before a cross-origin POST."""
        return self.request(
            "OPTIONS",
            {
                "Origin": self.origin or "",
                "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": ",".join(wanted_headers),
            },
        )


def fresh_document() -> dict[str, Any]:
    """The synthetic contact request with a new UUID4 key and the current time."""
    document = json.loads((DOCUMENTS / "contact_request.json").read_text(encoding="utf-8"))
    document["idempotency_key"] = str(uuid.uuid4())
    now = datetime.now(timezone.utc)
    document["created_at"] = now.strftime("%Y-%m-%dT%H:%M:%S.") + f"{now.microsecond // 1000:03d}Z"
    return document


def encode(document: dict[str, Any]) -> bytes:
    """A document's bytes as the app sends them: compact UTF-8 JSON."""
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def receipt_id(body: Any) -> str | None:
    """The id a backend's JSON answer gives the document (`document_id` or `id`), if any."""
    if not isinstance(body, dict):
        return None
    for name in ("document_id", "id"):
        value = body.get(name)
        if isinstance(value, (str, int)) and not isinstance(value, bool):
            return str(value)
    return None


def is_2xx(answer: Answer) -> bool:
    """Whether the app would take the answer as a delivery."""
    return answer.status is not None and 200 <= answer.status < 300


def is_refusal(answer: Answer) -> bool:
    """Whether the app would show the answer to the person as a refusal (a 4xx it does not retry)."""
    return answer.status is not None and 400 <= answer.status < 500 and answer.status not in (408, 429)


def what_app_does(answer: Answer) -> str:
    """What the app does with `answer`, in words."""
    if is_2xx(answer):
        return "the app counts it delivered"
    if is_refusal(answer):
        return "the app shows the person a refusal"
    if answer.status is not None and 300 <= answer.status < 400:
        return "a redirect, which the kit does not follow: give --url the address the app is to post to"
    return "the app retries it later, again and again"


def short(key: str) -> str:
    """A key shortened for the report."""
    return key[:8] + "…"


def header_names(value: str | None) -> set[str]:
    """A comma-separated header list, lower-cased."""
    return {name.strip().lower() for name in (value or "").split(",") if name.strip()}


def check_valid(backend: Backend, document: dict[str, Any]) -> tuple[Check, Answer]:
    """(a) A valid document is accepted with a 2xx."""
    key = document["idempotency_key"]
    answer = backend.post(encode(document), key)
    sent = f"POST a valid contact request, key {short(key)}"
    if is_2xx(answer):
        status, why = PASS, "any 2xx is a delivery: the person gets a receipt and it is never sent again"
    else:
        status = FAIL
        why = f"a valid document must be taken with a 2xx; {what_app_does(answer)}"
    return Check("valid-document-accepted", status, True, sent, answer.describe(), why), answer


def check_repeat(backend: Backend, document: dict[str, Any], first: Answer) -> Check:
    """(b) The same document with the same key again is a 2xx, with the same receipt id if any."""
    key = document["idempotency_key"]
    answer = backend.post(encode(document), key)
    sent = f"the same document and key {short(key)} again"
    name = "same-key-same-body-accepted"
    if not is_2xx(first):
        return Check(name, SKIP, True, sent, "not sent", "the first copy was not accepted")
    if not is_2xx(answer):
        why = (
            "a repeat is what the app sends when the first answer was lost on the way; it must be a 2xx "
            "(the first copy arrived, so this is a delivery, not a duplicate to refuse); "
            + what_app_does(answer)
        )
        return Check(name, FAIL, True, sent, answer.describe(), why)
    first_id, again_id = receipt_id(first.json()), receipt_id(answer.json())
    if first_id and again_id and first_id != again_id:
        why = "both answers name a document, and not the same one: the backend stored the document twice"
        return Check(name, FAIL, True, sent, f"{answer.describe()}, first id {first_id}", why)
    same = " with the first receipt's id" if first_id and first_id == again_id else ""
    why = "a lost answer and the app's retry leave one document, and the person one receipt"
    return Check(name, PASS, True, sent, answer.describe() + same, why)


def check_other_body(backend: Backend, document: dict[str, Any], first: Answer) -> Check:
    """(c) The same key with another body is refused: 409 expected, another refusal a WARN."""
    key = document["idempotency_key"]
    other = copy.deepcopy(document)
    other["answers"]["name"] = other["answers"]["name"] + " Toinen"
    answer = backend.post(encode(other), key)
    sent = f"another document under the same key {short(key)}"
    name = "same-key-other-body-refused"
    if not is_2xx(first):
        return Check(name, SKIP, True, sent, "not sent", "the first copy was not accepted")
    if answer.status == 409:
        why = "a key names one document: another one under it is a conflict, and neither is lost in silence"
        return Check(name, PASS, True, sent, answer.describe(), why)
    if is_refusal(answer):
        why = (
            "refused, but 409 is the status for a reused key (the inbox: 409 `idempotency_key_reused`); "
            "another 4xx reads to the person as a fault of the document"
        )
        return Check(name, WARN, True, sent, answer.describe(), why)
    if is_2xx(answer):
        why = (
            "a 2xx tells the app this other document was delivered, yet the backend holds one of the two "
            "(or has replaced the first): compare the body too, not the key alone, and answer 409"
        )
    else:
        why = f"must be refused with a 4xx (409); {what_app_does(answer)}"
    return Check(name, FAIL, True, sent, answer.describe(), why)


def check_bad(backend: Backend, name: str, what: str, body: bytes) -> Check:
    """(d) A body that is not a document is refused with a 4xx: never taken, never a 5xx."""
    key = str(uuid.uuid4())
    answer = backend.post(body, key)
    if is_refusal(answer):
        status, why = PASS, "refused: the app tells the person and does not send it again"
    elif is_2xx(answer):
        status, why = FAIL, "taken as a delivery: whatever it was is kept (or lost) as if it were a document"
    else:
        status = FAIL
        why = "a 5xx, 408, 429 or no answer makes the app retry a body that will never be right, for ever"
    return Check(name, status, True, what, answer.describe(), why)


def check_cors(backend: Backend, origin: str, posted: Answer) -> list[Check]:
    """(e) CORS for `origin`: the preflight, the POST answer's allowed origin, Location exposed."""
    wanted = ["content-type", "idempotency-key"] + (["authorization"] if backend.token else [])
    answer = backend.preflight(wanted)
    sent = f"OPTIONS from {origin} asking for POST with {', '.join(wanted)}"
    allowed_origin = answer.header("access-control-allow-origin")
    allowed = header_names(answer.header("access-control-allow-headers"))
    wildcard = "*" in allowed and not backend.token
    missing = [name for name in wanted if name not in allowed and not (wildcard and name != "authorization")]
    problems = []
    if answer.status is None or not 200 <= answer.status < 300:
        problems.append("the preflight's status is not 2xx")
    if allowed_origin not in (origin, "*"):
        problems.append(f"Access-Control-Allow-Origin is {allowed_origin or 'missing'}")
    if missing:
        problems.append(f"Access-Control-Allow-Headers lacks {', '.join(missing)}")
    methods = header_names(answer.header("access-control-allow-methods"))
    got = (
        f"{answer.describe()}, allow-origin {allowed_origin or '(none)'}, "
        f"allow-headers {answer.header('access-control-allow-headers') or '(none)'}, "
        f"allow-methods {answer.header('access-control-allow-methods') or '(none)'}"
    )
    if problems:
        why = "; ".join(problems) + ": the browser never sends the document"
        checks = [Check("cors-preflight", FAIL, True, sent, got, why)]
    else:
        why = "the browser on that origin may send the document"
        if methods and "post" not in methods and "*" not in methods:
            why += " (POST need not be listed: browsers allow it as a safelisted method)"
        checks = [Check("cors-preflight", PASS, True, sent, got, why)]

    sent = f"the valid document's POST from {origin}"
    answered_origin = posted.header("access-control-allow-origin")
    got = f"{posted.describe()}, allow-origin {answered_origin or '(none)'}"
    if answered_origin in (origin, "*"):
        checks.append(Check("cors-answer", PASS, True, sent, got, "the page may read the answer"))
    else:
        why = (
            "without Access-Control-Allow-Origin the page cannot read the answer: the document is stored "
            "but the app sees a network error and sends it again"
        )
        checks.append(Check("cors-answer", FAIL, True, sent, got, why))

    location = posted.header("location")
    expose = posted.header("access-control-expose-headers")
    exposed = header_names(expose)
    got = f"Location {location or '(none)'}, expose-headers {expose or '(none)'}"
    if not location:
        checks.append(Check("cors-location-exposed", PASS, False, sent, got, "no Location to expose"))
    elif "location" in exposed or "*" in exposed:
        why = "the page may read where the document is"
        checks.append(Check("cors-location-exposed", PASS, False, sent, got, why))
    else:
        why = "add Access-Control-Expose-Headers: Location if the page is to read where the document is"
        checks.append(Check("cors-location-exposed", WARN, False, sent, got, why))
    return checks


def check_key_mismatch(backend: Backend) -> Check:
    """(f) What the backend does with an `Idempotency-Key` header other than the body's key."""
    document = fresh_document()
    header_key = str(uuid.uuid4())
    answer = backend.post(encode(document), header_key)
    sent = f"a valid document with key {short(document['idempotency_key'])}, header {short(header_key)}"
    name = "key-header-mismatch"
    if is_refusal(answer):
        why = (
            "refused: the app never sends two keys, so a backend may trust either "
            "(the inbox: 400 `idempotency_key_mismatch`)"
        )
        return Check(name, PASS, False, sent, answer.describe(), why)
    if is_2xx(answer):
        why = "taken: fine for the app, which sends one key in both; the backend must always store by one"
        return Check(name, WARN, False, sent, answer.describe(), why)
    why = "the app never sends this, but a 5xx or no answer here suggests an unhandled case"
    return Check(name, WARN, False, sent, answer.describe(), why)


def run(backend: Backend) -> list[Check]:
    """Every check, in order."""
    document = fresh_document()
    valid, first = check_valid(backend, document)
    checks = [valid, check_repeat(backend, document, first), check_other_body(backend, document, first)]
    checks.append(
        check_bad(
            backend,
            "malformed-json-refused",
            "POST of malformed JSON (a document cut short)",
            (DOCUMENTS / "malformed.json").read_bytes(),
        )
    )
    checks.append(
        check_bad(
            backend,
            "not-a-document-refused",
            "POST of a JSON object that is not a document",
            (DOCUMENTS / "not_a_document.json").read_bytes(),
        )
    )
    if backend.origin:
        checks.extend(check_cors(backend, backend.origin, first))
    else:
        why = "give the host page's origin to check CORS; a backend on the page's own origin needs none"
        checks.append(Check("cors", SKIP, False, "nothing (no --origin)", "nothing", why))
    checks.append(check_key_mismatch(backend))
    return checks


def main(argv: list[str] | None = None) -> int:
    """Runs the checks and prints the report; 0 when every required check passes, 1 otherwise."""
    parser = argparse.ArgumentParser(
        description="Check a backend against the minimal contract tyokyky's app posts documents by.",
    )
    parser.add_argument("--url", required=True, help="the endpoint the app posts to (data-endpoint)")
    parser.add_argument("--origin", help="the host page's origin, to check CORS (https://portal.example.fi)")
    parser.add_argument("--token", help="a bearer token the app would send (data-token)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    try:
        backend = Backend(args.url, args.origin, args.token)
    except ValueError as problem:
        parser.error(str(problem))
    checks = run(backend)
    failed = [check.name for check in checks if check.required and check.status in (FAIL, SKIP)]
    if args.json:
        report = {"url": args.url, "origin": args.origin, "passed": not failed, "failed": failed}
        report["checks"] = [asdict(check) for check in checks]
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        origin = f" (origin {args.origin})" if args.origin else ""
        print(f"tyokyky backend conformance: {args.url}{origin}")
        for check in checks:
            print(check.line())
        warned = sum(check.status == WARN for check in checks)
        if failed:
            print(f"NOT CONFORMING: {len(failed)} required check(s) failed: {', '.join(failed)}")
        else:
            print(f"CONFORMING: every required check passed ({warned} warning(s))")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
