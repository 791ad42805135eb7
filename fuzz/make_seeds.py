#!/usr/bin/env python3
"""Makes the committed seed corpora (fuzz/corpus/<target>/) and dictionaries (fuzz/dict/<target>.dict) of
the fuzz targets from the real files: rules/, tests/fixtures/, tests/scenarios/, bench/engine-cases.json,
and the documents of inbox/tests/api.rs and engine/tests/schema.rs. Rerun after a format changes:
`python3 fuzz/make_seeds.py` (Python 3.11+, standard library only). It replaces fuzz/corpus/ entirely."""
import glob, json, os, re, shutil, tomllib
root=os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
C=os.path.join(root,'fuzz/corpus')
shutil.rmtree(C, ignore_errors=True)
def put(target, name, data):
    d=os.path.join(C,target); os.makedirs(d, exist_ok=True)
    if isinstance(data,str): data=data.encode()
    open(os.path.join(d,name),'wb').write(data)
def slug(p): return re.sub(r'[^A-Za-z0-9_.-]','_',os.path.relpath(p,root))
for p in sorted(glob.glob(root+'/rules/*/*.toml')):
    rel=os.path.relpath(p,root)
    if '/services/' in rel: t='catalogue'
    elif '/questionnaires/' in rel: t='questionnaire'
    else: t='rule_file'
    put(t, slug(p), open(p,'rb').read())
for p in sorted(glob.glob(root+'/tests/fixtures/good/*.toml')+glob.glob(root+'/tests/fixtures/bad/*.toml')):
    put('rule_file', slug(p), open(p,'rb').read())
for p in sorted(glob.glob(root+'/tests/fixtures/catalogue/**/*.toml', recursive=True)):
    put('catalogue', slug(p), open(p,'rb').read())
for p in sorted(glob.glob(root+'/tests/fixtures/questionnaire/**/*.toml', recursive=True)):
    put('questionnaire', slug(p), open(p,'rb').read())
# case JSON: bench cases and every scenario's facts (nested, as the CLI reads them)
cases=json.load(open(root+'/bench/engine-cases.json'))
for i,c in enumerate(cases):
    put('case_json', f'bench_engine-cases_{i}.json', json.dumps(c['facts'], ensure_ascii=False, indent=1))
def conv(v):
    if isinstance(v,dict): return {k:conv(x) for k,x in v.items()}
    if isinstance(v,list): return [conv(x) for x in v]
    if hasattr(v,'isoformat'): return v.isoformat()
    return v
for p in sorted(glob.glob(root+'/tests/scenarios/*.toml')):
    data=tomllib.load(open(p,'rb'))
    for i,s in enumerate(data.get('scenario',[])):
        if 'facts' in s:
            put('case_json', f'{slug(p)}_{i:02d}.json', json.dumps(conv(s['facts']), ensure_ascii=False))
put('case_json','dotted.json','{"client.age": 78, "case.opened_on": "2026-04-02", "case.urgent": null}')
# documents: one of every kind (inbox/tests/api.rs, engine/tests/schema.rs, engine/src/contact.rs), and broken ones
env=lambda kind,answers,key="5d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d",lang="fi",at="2026-11-22T09:00:00Z": {"schema_version":1,"kind":kind,"idempotency_key":key,"created_at":at,"lang":lang,"answers":answers}
docs={
 'work_ability_check': env("work_ability_check", {"work_ability_score":6,"what_would_help":"Lyhyempi työpäivä ja tuki kuntoutukseen"}, "0b6f3c1e-2a4d-4e8f-9b1a-3c5d7e9f1a2b","fi","2026-11-22T09:00:00.250Z"),
 'client_plan_empty': env("client_plan", {"case":{},"findings":[],"rules":{"name":"tyokyky","version":"1","source_hash":"0"*64},"catalogue":{"county":"Esimerkin hyvinvointialue","version":"1"},"consents":[]}),
 'client_plan': env("client_plan", {
   "case":{"opening":{"opened_on":"2026-04-02","initiator":"relative_or_close_person","urgent":False},
     "client":{"age":44,"vpl_disabled":True},
     "plan":{"joint":True,"partners":[{"name":"Kela","sector":"kela","responsibility":"Ammatillinen kuntoutus","consent_to_share":False}]},
     "named_worker":{"worker":{"profession":"social_worker"}}},
   "findings":[{"rule_id":"shl-36-start-within-7-working-days","valid_from":"2025-01-01","cites":"1301/2014 36 § 2 mom. 1–3 k.","wording":"677/2023","kind":"deadline","status":"applies","blocks_finishing":False,"message":"Palvelutarpeen arviointi on aloitettava viimeistään seitsemäntenä arkipäivänä yhteydenotosta.","due":"2026-04-15"}],
   "rules":{"name":"tyokyky-shl","version":"2026.11.0","source_hash":"ab"},
   "catalogue":{"county":"Esimerkin hyvinvointialue","version":"2026.11.0"},
   "consents":[{"scope":"share_joint_plan","recipient":"Kela","given":False}]}, "7c1f0a2b-3d4e-4f5a-8b6c-9d0e1f2a3b4c","fi","2026-11-22T09:30:00.500Z"),
 'contact_request_email': env("contact_request", {"name":"Testa Person","email":"testa.person@example.fi","contact_language":"sv","preferred_time":"morning","urgent":True,"consent_text":"Jag samtycker.","channel":"kiosk","shared_answers":{"questionnaire":"self-assessment","version":"2026.11.0","answers":{"work_ability_score":3,"goal":"work","worries":["money"],"own_words":"<script>alert(1)</script>"},"suggested_services":["ohjaamo"]}}, lang="sv"),
 'contact_request_phone': env("contact_request", {"name":"Testi Henkilö","phone":"040 000 0000","contact_language":"sv","preferred_time":"any","urgent":True,"consent_text":"Suostun.","channel":"kiosk","shared_answers":{"questionnaire":"self-assessment","version":"1","answers":{"score":4,"goal":"work","worries":["debts"],"mood":False}}}),
 'feedback': env("feedback", {"score":9,"comment":"","channel":"self_service"}),
 'feedback_sv': env("feedback", {"comment":"","channel":"kiosk"}, "00000000-0000-0000-0000-000000000008","sv","2026-11-22T10:00:00Z"),
}
for name,d in docs.items():
    put('document', name+'.json', json.dumps(d, ensure_ascii=False))
put('document','malformed.json','{"schema_version": 1,\n  "kind": }')
put('document','not_an_object.json','[1, 2]')
put('document','schema_version_2.json',json.dumps(dict(docs['feedback'],schema_version=2)))
put('document','unknown_kind.json',json.dumps(dict(docs['feedback'],kind="tax_return")))

# ---- dictionaries
# Dictionaries for libFuzzer: the keys, table headers, fact names and enum values the inputs use, so the
# fuzzer can splice valid words in instead of discovering them byte by byte.
def esc(s): return '"' + ''.join(c if 32<=ord(c)<127 and c not in '"\\' else ''.join('\\x%02x'%b for b in c.encode()) for c in s) + '"'
facts=tomllib.load(open(root+'/rules/facts.toml','rb'))['fact']
fact_names={f['name'] for f in facts}
choices=set()
for f in facts:
    if isinstance(f['type'],dict): choices.update(f['type'].get('choice',[]))
def toml_words(paths):
    words=set()
    for p in paths:
        text=open(p).read()
        words.update(m.group(1) for m in re.finditer(r'^\s*([A-Za-z_][A-Za-z0-9_.]*)\s*=', text, re.M))
        words.update(m.group(0) for m in re.finditer(r'^\s*\[\[?[A-Za-z_.]+\]\]?', text, re.M))
        words.update(m.group(1) for m in re.finditer(r'"([a-z0-9_.-]{2,40})"', text))
        words.update(m.group(1) for m in re.finditer(r'[{,]\s*([a-z_]+)\s*=', text))
    return {w.strip() for w in words}
syntax={'[[', ']]', ' = ', '"', '"""', "'''", '{ ', ' }', '[', ']', ', ', '\n', 'true', 'false', '2026-04-02', '2025-01-01', '1979-05-27T07:32:00Z', '-1', '9223372036854775807', '-9223372036854775808', '2147483648', '4294967296', 'inf', 'nan', '1e308', '0x7fffffff'}
def write(target, words):
    words=sorted(w for w in words if w)
    with open(f'{root}/fuzz/dict/{target}.dict','w') as f:
        f.write(f'# libFuzzer dictionary of the `{target}` target (made by fuzz/make_seeds.py).\n')
        for w in words: f.write(esc(w)+'\n')
write('rule_file', toml_words(glob.glob(root+'/rules/shl/*.toml')+glob.glob(root+'/rules/vpl/*.toml')+glob.glob(root+'/tests/fixtures/*/*.toml')) | fact_names | choices | syntax)
write('catalogue', toml_words(glob.glob(root+'/rules/services/*.toml')+glob.glob(root+'/tests/fixtures/catalogue/**/*.toml',recursive=True)) | fact_names | choices | syntax)
write('questionnaire', toml_words(glob.glob(root+'/rules/questionnaires/*.toml')+glob.glob(root+'/tests/fixtures/questionnaire/**/*.toml',recursive=True)) | fact_names | choices | syntax)
jsyn={'{','}','[',']',':',',','null','true','false','"','-1','1e999','18446744073709551616','-9223372036854775809','2026-02-29','2026-04-02','0.5','\\u0000','\\ud800'}
write('case_json', {f'"{n}"' for n in fact_names} | {f'"{n.split(".")[0]}"' for n in fact_names} | {f'"{n.split(".")[-1]}"' for n in fact_names} | {f'"{c}"' for c in choices} | jsyn)
dwords=set()
def walk(v):
    if isinstance(v,dict):
        for k,x in v.items(): dwords.add(f'"{k}"'); walk(x)
    elif isinstance(v,list):
        for x in v: walk(x)
    elif isinstance(v,str) and len(v)<40: dwords.add(json.dumps(v, ensure_ascii=False))
for p in glob.glob(root+'/fuzz/corpus/document/*.json'):
    try: walk(json.load(open(p)))
    except Exception: pass
schema=json.load(open(root+'/schema/document.schema.json'))
def walk_schema(v):
    if isinstance(v,dict):
        for k,x in v.items():
            if k=='properties':
                for name in x: dwords.add(f'"{name}"')
            if k in ('enum','const'):
                for e in (x if isinstance(x,list) else [x]):
                    if isinstance(e,str): dwords.add(f'"{e}"')
            walk_schema(x)
    elif isinstance(v,list):
        for x in v: walk_schema(x)
walk_schema(schema)
write('document', dwords | jsyn | {'"2026-11-22T09:00:00Z"','"2026-11-22T09:00:00.250+02:00"','"00000000-0000-0000-0000-000000000000"'})
