#!/usr/bin/env python3
"""Regenerates hp.small.json from the real HPO release (run from the repository root):
   python3 src/test/resources/org/detecta/kb/make_hp_small.py ../shared/data/hpo/hp.json > src/test/resources/org/detecta/kb/hp.small.json
Keeps real ids, labels, synonyms, alt ids and is_a edges of a few branches; edges to terms left out are dropped
(Microcephaly keeps only its HP:0040195 parent, Abnormal skull morphology only HP:0000234)."""
import json, sys

KEEP = """HP:0000001 HP:0000118 HP:0000707 HP:0012638 HP:0001250 HP:0007359 HP:0011153 HP:0020219
HP:0012759 HP:0012758 HP:0001263 HP:0001249 HP:0011446
HP:0000152 HP:0000234 HP:0000929 HP:0000240 HP:0040195 HP:0000252
HP:0033127 HP:0003011 HP:0011804 HP:0003808 HP:0001252 HP:0001290
HP:0040279 HP:0040280 HP:0040281 HP:0040282 HP:0040283 HP:0040284 HP:0040285
HP:0000005 HP:0034345 HP:0000007
HP:0001626
HP:0040168 HP:0003114 HP:0500014""".split()
P = 'http://purl.obolibrary.org/obo/'
g = json.load(open(sys.argv[1]))['graphs'][0]
def curie(uri):
    return uri[len(P):].replace('_', ':')
keep = set(KEEP)
nodes = []
for n in g['nodes']:
    if not n['id'].startswith(P + 'HP_') or curie(n['id']) not in keep:
        continue
    meta = n.get('meta', {})
    small = {}
    if 'definition' in meta:
        small['definition'] = {'val': meta['definition']['val']}
    if 'synonyms' in meta:
        small['synonyms'] = [{'pred': s['pred'], 'val': s['val']} for s in meta['synonyms'][:3]]
    bpv = [b for b in meta.get('basicPropertyValues', [])
           if b['pred'].endswith('hasAlternativeId') or b['pred'].endswith('IAO_0100001')
           or b['pred'].endswith('#consider')]
    if bpv:
        small['basicPropertyValues'] = bpv[:3]
    if meta.get('deprecated'):
        small['deprecated'] = True
    node = {'id': n['id'], 'lbl': n['lbl'], 'type': 'CLASS'}
    if small:
        node['meta'] = small
    nodes.append(node)
edges = [e for e in g['edges'] if curie(e['sub']) in keep and curie(e['obj']) in keep]
out = {'graphs': [{'id': g['id'], 'meta': {'basicPropertyValues': [b for b in g['meta']['basicPropertyValues']
                                                                     if b['pred'].endswith('/title') or b['pred'].endswith('/license')],
                                           'version': g['meta']['version']},
                   'nodes': nodes, 'edges': edges}]}
json.dump(out, sys.stdout, indent=1)
print()
