#!/usr/bin/env python3
"""Validates FHIR R4 JSON files: each file is one resource, parsed with fhir.resources (FHIR 4.0.1) by its
`resourceType`, so the resources inside a Bundle's entries are parsed by their own types too. On top of
what the package checks, and written here because it does not:

- JSON as FHIR writes it: a boolean is `true`/`false`, an integer a JSON integer, a decimal a JSON number,
  every other primitive a string of its type's format (a dateTime with a time has seconds and a time
  zone); no duplicate keys, no `null`, no empty object or array, no element the resource does not have;
- the codes of the required bindings of the elements the exported documents use (the statuses, intents,
  Bundle.type, Questionnaire.item.type, …);
- in a Bundle: every entry has a `fullUrl`, unique in the Bundle (a `urn:uuid:` one with a lowercase
  UUID); every reference inside its resources that is `urn:uuid:…` or a relative `Type/id` names an entry
  (by its fullUrl, or by its resource's type and id); absolute http(s) references are left alone; a
  `document` starts with a Composition and has an identifier and a timestamp;
- in a Questionnaire: linkIds unique and not blank, every `enableWhen.question` naming an item of the same
  Questionnaire, `exists` compared with a boolean, a group with items and a display item without;
- in a QuestionnaireResponse: linkIds not blank, and, when its Questionnaire (by canonical URL) is among
  the files validated, every linkId an item of it.

Usage: validate.py [--expect N] PATH...   each PATH a .json file or a folder of them (searched recursively)
       validate.py --self-test             the good and bad fixtures in tests/fixtures/fhir/

Prints one line per problem, `FILE: element.path: message`, then `N files valid` or `N files, M problems`.
Exits 1 on any problem, when no file is found, or when --expect N is given and fewer than N files were
validated (a missing export does not pass quietly); 2 on a usage error. Run it with the Python of the venv
that `scripts/setup.sh test` makes (tests/fhir/validate.sh finds it)."""

import contextlib
import io
import json
import re
import sys
import tempfile
import typing
from pathlib import Path

try:
    import fhir.resources
    from fhir.resources import construct_fhir_element, get_fhir_model_class
    from fhir.resources.resource import Resource
    from pydantic import ValidationError
    from pydantic.fields import SHAPE_LIST
except ImportError as error:
    sys.exit(f"validate.py: {error}; run it with the Python of the venv that scripts/setup.sh test makes "
             "(tests/fhir/validate.sh does)")

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "fhir"

# The primitive types' formats, FHIR R4 (4.0.1) section 2.24.0.1, matched whole. Booleans and numbers are
# checked by their JSON type instead.
_YEAR = r"([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)"
_MONTH = r"(0[1-9]|1[0-2])"
_DAY = r"(0[1-9]|[1-2][0-9]|3[0-1])"
_TIME = r"([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?"
_ZONE = r"(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))"
FORMATS = {
    "date": rf"{_YEAR}(-{_MONTH}(-{_DAY})?)?",
    "dateTime": rf"{_YEAR}(-{_MONTH}(-{_DAY}(T{_TIME}{_ZONE})?)?)?",
    "instant": rf"{_YEAR}-{_MONTH}-{_DAY}T{_TIME}{_ZONE}",
    "time": _TIME,
    "code": r"[^\s]+(\s[^\s]+)*",
    "id": r"[A-Za-z0-9\-.]{1,64}",
    "uri": r"\S*",
    "url": r"\S*",
    "canonical": r"\S*",
    "oid": r"urn:oid:[0-2](\.(0|[1-9][0-9]*))+",
    "uuid": r"urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
    "string": r"[ \r\n\t\S]+",
    "markdown": r"[ \r\n\t\S]+",
    "base64Binary": r"(\s*([0-9a-zA-Z+/=]){4}\s*)+",
}
FORMATS = {kind: re.compile(pattern) for kind, pattern in FORMATS.items()}
DATE_TIME_WITHOUT_ZONE = re.compile(
    rf"{_YEAR}-{_MONTH}-{_DAY}T([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]+)?)?")
INTEGER_KINDS = {"integer": -(2**31), "unsignedInt": 0, "positiveInt": 1}  # the least value of each
UUID_URN = FORMATS["uuid"]
RELATIVE_REFERENCE = re.compile(r"([A-Z][A-Za-z]+)/([A-Za-z0-9\-.]{1,64})(/_history/[A-Za-z0-9\-.]{1,64})?")

# Required bindings (R4) of the coded elements the exported documents use or may use: the model class and
# element, the value set, and on the indented line below its codes. fhir.resources checks the format of a
# code but not its value set.
_BINDINGS = """
Bundle.type bundle-type
    document message transaction transaction-response batch batch-response history searchset collection
BundleEntryRequest.method http-verb
    GET HEAD POST PUT DELETE PATCH
BundleEntrySearch.mode search-entry-mode
    match include outcome
CarePlan.status request-status
    draft active on-hold revoked completed entered-in-error unknown
CarePlan.intent care-plan-intent
    proposal plan order option
CarePlanActivityDetail.status care-plan-activity-status
    not-started scheduled in-progress on-hold completed cancelled stopped unknown entered-in-error
CarePlanActivityDetail.kind care-plan-activity-kind
    Appointment CommunicationRequest DeviceRequest MedicationRequest NutritionOrder Task ServiceRequest
    VisionPrescription
Goal.lifecycleStatus goal-status
    proposed planned accepted active on-hold completed cancelled entered-in-error rejected
Consent.status consent-state-codes
    draft proposed active rejected inactive entered-in-error
ConsentProvision.type consent-provision-type
    deny permit
ConsentProvisionData.meaning consent-data-meaning
    instance related dependents authoredby
Composition.status composition-status
    preliminary final amended entered-in-error
Composition.confidentiality v3-ConfidentialityClassification
    U L M N R V
CompositionAttester.mode composition-attestation-mode
    personal professional legal official
CompositionSection.mode list-mode
    working snapshot changes
ProvenanceEntity.role provenance-entity-role
    derivation revision quotation source removal
Questionnaire.status publication-status
    draft active retired unknown
QuestionnaireItem.type item-type
    group display boolean decimal integer date dateTime time string text url choice open-choice attachment
    reference quantity
QuestionnaireItem.enableBehavior questionnaire-enable-behavior
    all any
QuestionnaireItemEnableWhen.operator questionnaire-enable-operator
    exists = != > < >= <=
QuestionnaireResponse.status questionnaire-answers-status
    in-progress completed amended entered-in-error stopped
Patient.gender administrative-gender
    male female other unknown
Practitioner.gender administrative-gender
    male female other unknown
Narrative.status narrative-status
    generated extensions additional empty
ContactPoint.system contact-point-system
    phone fax email pager url sms other
ContactPoint.use contact-point-use
    home work temp old mobile
HumanName.use name-use
    usual official temp nickname anonymous old maiden
Identifier.use identifier-use
    usual official temp secondary old
Address.use address-use
    home work temp old billing
Address.type address-type
    postal physical both
Quantity.comparator quantity-comparator
    < <= >= >
"""


def _read_bindings(text):
    """{(model class, element): (value set, [codes])} from the table above."""
    bindings, key = {}, None
    for line in text.splitlines():
        if line.startswith(" "):
            bindings[key][1].extend(line.split())
        elif line.strip():
            element, value_set = line.split()
            key = tuple(element.split("."))
            bindings[key] = (value_set, [])
    return bindings


REQUIRED_BINDINGS = _read_bindings(_BINDINGS)


def shown(value):
    """A value as a message quotes it: JSON, in backticks, cut when long."""
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value
    return f"`{text if len(text) <= 60 else text[:57] + '...'}`"


def json_type(value):
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a decimal number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


def model_class(name):
    """The fhir.resources model of a type name, or None when the package has none."""
    try:
        return get_fhir_model_class(name)
    except (KeyError, LookupError):
        return None


def is_resource_type(name):
    """Whether a name is a resource type a document may hold (not the abstract Resource or DomainResource)."""
    klass = model_class(name) if isinstance(name, str) else None
    return klass is not None and issubclass(klass, Resource) and name not in ("Resource", "DomainResource")


_elements = {}


def elements(klass):
    """The JSON names of a model's elements (pydantic aliases), each with its pydantic field."""
    if klass not in _elements:
        _elements[klass] = {
            field.alias: field
            for field in klass.__fields__.values()
            if field.alias not in ("resource_type", "fhir_comments")
        }
    return _elements[klass]


def primitive_kind(field):
    """The FHIR primitive type of a field (`boolean`, `dateTime`, …), or None for a complex one."""
    kind = field.type_
    if hasattr(kind, "__resource_type__"):
        return None
    if typing.get_origin(kind) is typing.Union:
        kind = next(arg for arg in typing.get_args(kind) if arg is not type(None))
    if kind is bool:
        return "boolean"
    return getattr(kind, "__visit_name__", None) or "string"


class FileCheck:
    """The problems of one file, each an element path and a message, and what the checks across the file
    need: the resources found, the references made."""

    def __init__(self):
        self.problems = []
        self.resources = []  # (path, resource dict)
        self.references = []  # (path, reference string, enclosing resource dict, enclosing Bundle or None)

    def problem(self, path, message):
        self.problems.append((path, message))


def load(path, check):
    """The file's JSON, or None with the problem recorded. Duplicate keys are problems too."""

    def no_duplicates(pairs):
        seen = set()
        for key, _ in pairs:
            if key in seen:
                check.problem("(json)", f"duplicate key {shown(key)}")
            seen.add(key)
        return dict(pairs)

    def not_json(name):
        raise ValueError(f"`{name}` is not a JSON number")

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        check.problem("(file)", f"cannot read: {error}")
        return None
    try:
        data = json.loads(text, object_pairs_hook=no_duplicates, parse_constant=not_json)
    except json.JSONDecodeError as error:
        check.problem("(json)", f"invalid JSON at line {error.lineno} column {error.colno}: {error.msg}")
        return None
    except ValueError as error:
        check.problem("(json)", f"invalid JSON: {error}")
        return None
    if not isinstance(data, dict) or not isinstance(data.get("resourceType"), str):
        check.problem("(json)", "not a FHIR resource: a JSON object with a `resourceType` is expected")
        return None
    return data


def location(data, loc):
    """A pydantic error location as an element path of the JSON, with each nested resource's type:
    ("entry", 2, "resource", "__root__", "status") → Bundle.entry[2].resource(CarePlan).status."""
    path, node = data["resourceType"], data
    for part in loc:
        if part == "__root__":
            continue
        if isinstance(part, int):
            path += f"[{part}]"
            node = node[part] if isinstance(node, list) and part < len(node) else None
            if isinstance(node, dict) and "resourceType" in node:
                path += f"({node['resourceType']})"
            continue
        part = "resourceType" if part == "resource_type" else part
        path += f".{part}"
        node = node.get(part) if isinstance(node, dict) else None
        if isinstance(node, dict) and "resourceType" in node:
            path += f"({node['resourceType']})"
    return path, node


def parse_with_package(data, check):
    """Parses the resource with fhir.resources; its errors become located problems."""
    try:
        construct_fhir_element(data["resourceType"], data)
    except ValidationError as error:
        for detail in error.errors():
            path, node = location(data, detail["loc"])
            message = detail["msg"]
            if isinstance(node, (str, int, float)) and not isinstance(node, bool):
                message += f" ({shown(node)})"
            check.problem(path, message)
    except LookupError as error:
        # An entry or contained resource of an unknown type, which the walk has named where it is.
        check.problem(data["resourceType"], f"fhir.resources cannot parse it: {error}")


def walk(node, klass, path, check, resource, bundle):
    """Checks an element's JSON against its model, element by element, recursively; records the
    resources and references found on the way."""
    if issubclass(klass, Resource):
        resource = node
        check.resources.append((path, node))
        if klass.__name__ == "Bundle":
            bundle = node
    known = elements(klass)
    for key, value in node.items():
        here = f"{path}.{key}"
        if key == "resourceType" and issubclass(klass, Resource):
            continue
        field = known.get(key)
        if field is None:
            check.problem(here, "unknown element")
            continue
        if key.startswith("_"):
            continue  # a primitive's id and extensions: fhir.resources checks them
        if value is None:
            check.problem(here, "null is not allowed: leave the element out")
            continue
        if field.shape == SHAPE_LIST:
            if not isinstance(value, list):
                check.problem(here, f"expected an array, got {json_type(value)}")
                continue
            if not value:
                check.problem(here, "empty array is not allowed: leave the element out")
                continue
            for index, item in enumerate(value):
                walk_value(item, field, klass, key, f"{here}[{index}]", check, resource, bundle)
        elif isinstance(value, list):
            check.problem(here, "expected a single value, got an array")
        else:
            walk_value(value, field, klass, key, here, check, resource, bundle)


def walk_value(value, field, klass, key, path, check, resource, bundle):
    kind = primitive_kind(field)
    if kind is None:
        if not isinstance(value, dict):
            check.problem(path, f"expected an object, got {json_type(value)}")
            return
        if not value:
            check.problem(path, "empty object is not allowed: leave the element out")
            return
        type_name = field.type_.__resource_type__
        if type_name == "Resource":  # Bundle.entry.resource, contained, …: the type is in the data
            type_name = value.get("resourceType")
            if not is_resource_type(type_name):
                check.problem(path, f"unknown resource type {shown(type_name)}")
                return
            path += f"({type_name})"
        child = model_class(type_name)
        if child is None:
            return
        walk(value, child, path, check, resource, bundle)
        return
    check_primitive(value, kind, path, check)
    if klass.__name__ == "Reference" and key == "reference" and isinstance(value, str):
        check.references.append((path, value, resource, bundle))
    binding = REQUIRED_BINDINGS.get((klass.__name__, key))
    if binding and isinstance(value, str) and value not in binding[1]:
        name, codes = binding
        check.problem(path, f"{shown(value)} is not a code of the required value set {name} "
                            f"({', '.join(codes)})")


def check_primitive(value, kind, path, check):
    """The JSON type of a primitive, and for strings the format of its FHIR type."""
    if kind == "boolean":
        if not isinstance(value, bool):
            check.problem(path, f"expected a JSON boolean (true or false), got {json_type(value)} "
                                f"{shown(value)}")
    elif kind in INTEGER_KINDS:
        if not isinstance(value, int) or isinstance(value, bool):
            check.problem(path, f"expected a JSON integer ({kind}), got {json_type(value)} {shown(value)}")
        elif not INTEGER_KINDS[kind] <= value < 2**31:
            check.problem(path, f"{value} is out of the range of {kind}")
    elif kind == "decimal":
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            check.problem(path, f"expected a JSON number (decimal), got {json_type(value)} {shown(value)}")
    elif not isinstance(value, str):
        check.problem(path, f"expected a JSON string ({kind}), got {json_type(value)} {shown(value)}")
    elif kind in FORMATS and not FORMATS[kind].fullmatch(value):
        hint = ""
        if kind == "dateTime" and DATE_TIME_WITHOUT_ZONE.fullmatch(value):
            hint = " (a dateTime with a time needs seconds and a time zone)"
        check.problem(path, f"{shown(value)} is not a FHIR {kind}{hint}")


def check_bundle(path, bundle, check):
    """fullUrls present, unique and well formed; a document's first entry, identifier and timestamp."""
    entries = bundle.get("entry") if isinstance(bundle.get("entry"), list) else []
    first_at = {}
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            continue
        here = f"{path}.entry[{index}]"
        full_url = entry.get("fullUrl")
        resource = entry.get("resource")
        if not isinstance(resource, dict) and "request" not in entry and "response" not in entry:
            check.problem(here, "entry has no resource")
        if not isinstance(full_url, str) or not full_url:
            check.problem(f"{here}.fullUrl", "missing: every entry needs a fullUrl")
            continue
        if full_url in first_at:
            first = f"{path}.entry[{first_at[full_url]}]"
            check.problem(f"{here}.fullUrl", f"duplicate fullUrl {shown(full_url)} (first at {first})")
        else:
            first_at[full_url] = index
        if full_url.startswith("urn:uuid:") and not UUID_URN.fullmatch(full_url):
            check.problem(f"{here}.fullUrl", f"{shown(full_url)} is not urn:uuid: with a lowercase UUID")
        elif full_url.startswith(("http://", "https://")) and isinstance(resource, dict) and "id" in resource:
            if not full_url.endswith(f"/{resource.get('resourceType')}/{resource['id']}"):
                check.problem(f"{here}.fullUrl", f"{shown(full_url)} does not end with the resource's "
                                                 "type and id")
        elif not full_url.startswith(("urn:uuid:", "urn:oid:", "http://", "https://")):
            check.problem(f"{here}.fullUrl", f"{shown(full_url)} is neither urn:uuid:, urn:oid: nor an "
                                             "absolute http(s) URL")
    if bundle.get("type") == "document":
        first = entries[0].get("resource") if entries and isinstance(entries[0], dict) else None
        if not isinstance(first, dict) or first.get("resourceType") != "Composition":
            check.problem(f"{path}.entry[0]", "a document Bundle must start with a Composition")
        for element in ("identifier", "timestamp"):
            if element not in bundle:
                check.problem(f"{path}.{element}", f"a document Bundle needs its {element}")


def bundle_targets(bundle):
    """What the references in a Bundle may name: its entries' fullUrls and their resources' Type/id."""
    targets = set()
    for entry in bundle.get("entry") or []:
        if not isinstance(entry, dict):
            continue
        full_url = entry.get("fullUrl")
        resource = entry.get("resource")
        if isinstance(full_url, str):
            targets.add(full_url)
            match = re.search(r"/([A-Z][A-Za-z]+/[A-Za-z0-9\-.]{1,64})$", full_url)
            if full_url.startswith(("http://", "https://")) and match:
                targets.add(match.group(1))
        if isinstance(resource, dict) and isinstance(resource.get("id"), str):
            targets.add(f"{resource.get('resourceType')}/{resource['id']}")
    return targets


def check_references(check):
    """Each reference names something that is there: an entry of its Bundle, a contained resource."""
    targets = {}
    for path, reference, resource, bundle in check.references:
        if reference.startswith("#"):
            contained = [r.get("id") for r in resource.get("contained") or [] if isinstance(r, dict)]
            if reference != "#" and reference[1:] not in contained:
                check.problem(path, f"reference {shown(reference)} names no contained resource")
            continue
        if reference.startswith(("http://", "https://")):
            continue
        relative = RELATIVE_REFERENCE.fullmatch(reference)
        if not reference.startswith("urn:uuid:") and not relative:
            check.problem(path, f"reference {shown(reference)} is neither urn:uuid:, Type/id, #id nor an "
                                "absolute http(s) URL")
            continue
        if bundle is None:
            if not relative:
                check.problem(path, f"reference {shown(reference)} outside a Bundle names nothing")
            continue  # a relative reference outside a Bundle is relative to the server
        if id(bundle) not in targets:
            targets[id(bundle)] = bundle_targets(bundle)
        name = f"{relative.group(1)}/{relative.group(2)}" if relative else reference
        if name not in targets[id(bundle)]:
            check.problem(path, f"reference {shown(reference)} names no entry of the Bundle")


def items_of(node, path, answers=False):
    """Every item of a Questionnaire or QuestionnaireResponse, nested ones too, with its path; in a
    response also the items nested in answers."""
    for index, item in enumerate(node.get("item") or []):
        if not isinstance(item, dict):
            continue
        here = f"{path}.item[{index}]"
        yield here, item
        yield from items_of(item, here, answers)
        if answers:
            for number, answer in enumerate(item.get("answer") or []):
                if isinstance(answer, dict):
                    yield from items_of(answer, f"{here}.answer[{number}]", answers)


def check_questionnaire(path, questionnaire, check):
    first_at = {}
    items = list(items_of(questionnaire, path))
    for here, item in items:
        link_id = item.get("linkId")
        if not isinstance(link_id, str):
            continue
        if not link_id.strip():
            check.problem(f"{here}.linkId", "blank linkId")
        elif link_id in first_at:
            check.problem(f"{here}.linkId",
                          f"duplicate linkId {shown(link_id)} (first at {first_at[link_id]})")
        else:
            first_at[link_id] = f"{here}.linkId"
    for here, item in items:
        for index, condition in enumerate(item.get("enableWhen") or []):
            if not isinstance(condition, dict):
                continue
            at = f"{here}.enableWhen[{index}]"
            question = condition.get("question")
            if isinstance(question, str) and question not in first_at:
                check.problem(f"{at}.question",
                              f"{shown(question)} names no item linkId of this Questionnaire")
            if condition.get("operator") == "exists" and "answerBoolean" not in condition:
                check.problem(at, "the operator `exists` needs answerBoolean")
        if item.get("type") == "group" and not item.get("item"):
            check.problem(here, "a group item needs nested items")
        if item.get("type") == "display" and item.get("item"):
            check.problem(f"{here}.item", "a display item cannot have nested items")


def check_response(path, response, check, questionnaires):
    """Blank linkIds; and linkIds that are not items of the response's Questionnaire, when it is known."""
    canonical = response.get("questionnaire")
    known = questionnaires.get(canonical.split("|")[0]) if isinstance(canonical, str) else None
    for here, item in items_of(response, path, answers=True):
        link_id = item.get("linkId")
        if not isinstance(link_id, str):
            continue
        if not link_id.strip():
            check.problem(f"{here}.linkId", "blank linkId")
        elif known is not None and link_id not in known:
            check.problem(f"{here}.linkId",
                          f"{shown(link_id)} is not an item of Questionnaire {shown(canonical)}")


def find_files(paths):
    """The .json files the paths name, folders searched recursively, in a stable order; and the paths
    that do not exist."""
    files, missing = [], []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*.json") if p.is_file()))
        elif path.is_file():
            files.append(path)
        else:
            missing.append(given)
    return files, missing


def validate(files):
    """The problems of the files, as printed lines: `FILE: element.path: message`."""
    checks = []
    for file in files:
        check = FileCheck()
        checks.append((file, check))
        data = load(file, check)
        if data is None:
            continue
        root = data["resourceType"]
        if not is_resource_type(root):
            check.problem(root, f"unknown resource type {shown(root)}")
            continue
        klass = model_class(root)
        walk(data, klass, root, check, data, None)
        walked, check.problems = check.problems, []
        parse_with_package(data, check)
        # A problem the package found is not repeated by the walk at the same element or below it; the
        # package's failure on an unknown nested resource type, which the walk locates, is left out.
        if any("unknown resource type" in message for _, message in walked):
            check.problems = [
                (p, m) for p, m in check.problems if not m.startswith("fhir.resources cannot parse")
            ]
        found = [path for path, _ in check.problems]
        for path, message in walked:
            if not any(path == p or path.startswith((p + ".", p + "[", p + "(")) for p in found):
                check.problem(path, message)
        check_references(check)
        for path, resource in check.resources:
            if resource.get("resourceType") == "Bundle":
                check_bundle(path, resource, check)
            elif resource.get("resourceType") == "Questionnaire":
                check_questionnaire(path, resource, check)
    # Questionnaires by canonical URL, across all files, for the responses' linkIds.
    questionnaires = {}
    for _, check in checks:
        for path, resource in check.resources:
            if resource.get("resourceType") == "Questionnaire" and isinstance(resource.get("url"), str):
                questionnaires[resource["url"]] = {item.get("linkId") for _, item in items_of(resource, path)}
    lines = []
    for file, check in checks:
        for path, resource in check.resources:
            if resource.get("resourceType") == "QuestionnaireResponse":
                check_response(path, resource, check, questionnaires)
        seen = set()
        for path, message in check.problems:
            line = f"{file}: {path}: {message}"
            if line not in seen:
                seen.add(line)
                lines.append(line)
    return lines


def plural(count, word):
    return f"{count} {word}{'' if count == 1 else 's'}"


def main(arguments):
    if arguments == ["--self-test"]:
        return self_test()
    expect = None
    if arguments[:1] == ["--expect"]:
        if len(arguments) < 2 or not arguments[1].isdigit():
            print("usage: validate.py [--expect N] PATH... | --self-test", file=sys.stderr)
            return 2
        expect, arguments = int(arguments[1]), arguments[2:]
    if not arguments or any(a.startswith("--") for a in arguments):
        print("usage: validate.py [--expect N] PATH... | --self-test", file=sys.stderr)
        return 2
    files, missing = find_files(arguments)
    lines = [f"{given}: no such file or folder" for given in missing]
    lines += validate(files)
    if not files:
        lines.append(f"no .json file found in {' '.join(arguments)}")
    elif expect is not None and len(files) < expect:
        lines.append(f"expected at least {plural(expect, 'file')}, found {len(files)}")
    for line in lines:
        print(line)
    if lines:
        print(f"{plural(len(files), 'file')}, {plural(len(lines), 'problem')}")
        return 1
    package = f"FHIR {fhir.resources.__fhir_version__}, fhir.resources {fhir.resources.__version__}"
    print(f"{plural(len(files), 'file')} valid ({package})")
    return 0


def self_test():
    """The good fixtures validate with no problem; each bad fixture fails with the messages recorded beside
    it (`<name>.expected`, one a line: each a part of some printed line, and every printed line containing
    one of them, so a fixture shows one kind of failure); the command fails when files are missing. Ends
    with `self-test: N passed, M failed`."""
    passed = failed = 0

    def outcome(ok, name, detail=""):
        nonlocal passed, failed
        passed, failed = passed + ok, failed + (not ok)
        print(f"{'ok  ' if ok else 'FAIL'} {name}{': ' + detail if detail else ''}")

    def run(arguments):
        """The command's exit code and what it printed, on one line."""
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):
            code = main(arguments)
        return code, " | ".join(printed.getvalue().splitlines())

    good = sorted((FIXTURES / "good").glob("*.json"))
    lines = validate(good)
    outcome(bool(good) and not lines, f"good/ ({plural(len(good), 'file')}) valid", "\n".join(lines))

    bad = FIXTURES / "bad"
    for file in sorted(bad.glob("*.json")):
        name = f"bad/{file.name}"
        expected_file = file.with_suffix(".expected")
        if not expected_file.is_file():
            outcome(False, name, f"no {expected_file.name} beside it")
            continue
        expected = [line for line in expected_file.read_text(encoding="utf-8").splitlines() if line.strip()]
        lines = validate([file])
        missing = [want for want in expected if not any(want in line for line in lines)]
        unexpected = [line for line in lines if not any(want in line for want in expected)]
        if not expected:
            outcome(False, name, f"{expected_file.name} is empty")
        elif missing or unexpected:
            printed = "\n".join("  " + line for line in lines)
            outcome(False, name, "expected " + "; ".join(expected) + "\n  printed:\n" + printed)
        else:
            outcome(True, name, "; ".join(expected))
    for expected_file in sorted(bad.glob("*.expected")):
        if not expected_file.with_suffix(".json").is_file():
            outcome(False, f"bad/{expected_file.name}", "no .json beside it")

    code, printed = run(["--expect", str(len(good) + 1), str(FIXTURES / "good")])
    outcome(code == 1 and "expected at least" in printed, "--expect more files than there are fails", printed)
    code, printed = run(["--expect", str(len(good)), str(FIXTURES / "good")])
    outcome(code == 0, "--expect as many files as there are passes", printed)
    with tempfile.TemporaryDirectory() as empty:
        code, printed = run([empty])
    outcome(code == 1 and "no .json file found" in printed, "a folder without files fails", printed)
    code, printed = run([str(bad / "no-such-file.json")])
    outcome(code == 1 and "no such file" in printed, "a missing path fails", printed)

    print(f"self-test: {passed} passed, {failed} failed")
    return 0 if failed == 0 and passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
