#!/usr/bin/env python3
"""Pasted pages: articles as people copy them from news sites, with the page's head (headline,
standfirst, byline, date lines, dateline) and clutter around the story, checked against what
each page's fixture expects.

    run.py CLI [--shared DIR] [--verbose] [--write DIR]

The fixtures (tests/head/pages/*.txt, one file per site style) are ours: a page's wrapper and
its expectations. The story inside comes at test time from an article of the shared data
(../shared/data/news, `body: bbc/business/001.txt`) or of assets/samples (`body:
sample/01-harbour-strike.txt`); fixtures whose article is absent are skipped with a message.
Nobody's article is copied into the project.

A fixture:

    === guardian-1                      name
    body: bbc/politics/040.txt          the article that fills {title}, {p1}, {p2}..., {rest}
    date: 2025-04-08                    the reference date the page gives (or `none`)
    title: =                            `=` the article's own headline, `none`, or the text
    dateline: WASHINGTON (AP) —         optional: the dateline the first story paragraph opens with
    byline: By Jane Doe                 optional: the byline
    join: blank                         `blank` (default) or `line`: how {rest} is joined
    ---
    the page, line by line: `!` opens a line of clutter (expected boilerplate), `@` a head line
    (byline, date line: expected outside every sentence); {title}, {pN}, {rest}, {rest:N} and
    {wdate} (a Wikinews article's own date line) are filled in

Checks, per page: the reference date, the title, the boilerplate paragraphs (exactly the `!`
lines: nothing of the story eaten), and no sentence, entity mention, quote or event in a `!` or
`@` line or the dateline. Fails when the date is right on under 97 % of the pages, the headline
on under 95 %, or anything leaks from clutter or a story paragraph is marked boilerplate.
"""
import glob
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def parse_fixtures(path):
    fixtures = []
    cur = None
    in_page = False
    for raw in open(path, encoding='utf-8').read().split('\n'):
        if raw.startswith('=== '):
            cur = {'name': raw[4:].strip(), 'file': os.path.basename(path), 'meta': {}, 'page': []}
            fixtures.append(cur)
            in_page = False
            continue
        if cur is None:
            continue
        if not in_page:
            if raw.strip() == '---':
                in_page = True
            elif ':' in raw and not raw.startswith('#'):
                k, v = raw.split(':', 1)
                cur['meta'][k.strip()] = v.strip()
            continue
        cur['page'].append(raw)
    for f in fixtures:
        while f['page'] and f['page'][-1] == '':
            f['page'].pop()
    return fixtures


def read_body(spec, shared):
    """(headline, paragraphs, own date line) of a body article."""
    if spec.startswith('sample/'):
        path = os.path.join(ROOT, 'assets/samples', spec[len('sample/'):])
    else:
        path = os.path.join(shared, 'data/news', spec)
    if not os.path.isfile(path):
        return None
    text = open(path, 'rb').read().decode('utf-8', 'replace').replace('\r\n', '\n')
    if spec.startswith('sample/'):
        # The project's own samples; their captions and promos (boilerplate in tests/golden) stay
        # clutter here too.
        golden = os.path.join(ROOT, 'tests/golden', os.path.basename(path)[:-4] + '.json')
        tb = text.encode('utf-8')
        clutter = {tb[p['start']:p['end']].decode('utf-8').strip()
                   for p in json.load(open(golden, encoding='utf-8'))['paragraphs'] if p['boilerplate']}
        blocks = [b.strip() for b in text.split('\n\n') if b.strip()]
        if blocks and (blocks[0].startswith('Published') or blocks[0].startswith('date ')):
            blocks = blocks[1:]
        return None, [('!' + b) if b in clutter else b for b in blocks], None
    if spec.startswith('wikinews/'):
        lines = [l.strip() for l in text.split('\n')]
        title = lines[0]
        rest = [l for l in lines[1:] if l]
        return title, rest[1:], rest[0]
    blocks = [b.strip() for b in text.split('\n\n') if b.strip()]
    return blocks[0], blocks[1:], None


def build(fx, shared):
    """The page's text and the byte spans of its `!` and `@` lines and of its story paragraphs."""
    body = read_body(fx['meta']['body'], shared)
    if body is None:
        return None
    title, paras, wdate = body
    join = '\n' if fx['meta'].get('join', 'blank') == 'line' else '\n\n'
    used = 0
    out = []          # pieces of text
    spans = {'clutter': [], 'head': [], 'story': []}
    pos = 0

    def add(s, kind=None):
        nonlocal pos
        b = s.encode('utf-8')
        if kind:
            spans[kind].append((pos, pos + len(b), s))
        out.append(s)
        pos += len(b)

    for k, line in enumerate(fx['page']):
        if k:
            add('\n')
        kind = None
        if line.startswith('!'):
            kind, line = 'clutter', line[1:]
        elif line.startswith('@'):
            kind, line = 'head', line[1:]
        if kind:
            line = line.replace('{title}', title or '').replace('{wdate}', wdate or '')
            add(line, kind)
            continue
        # story placeholders, possibly after a dateline prefix
        i = 0
        while i < len(line):
            j = line.find('{', i)
            if j < 0:
                add(line[i:])
                break
            add(line[i:j])
            e = line.index('}', j)
            key = line[j + 1:e]
            if key == 'title':
                add(title or '')
            elif key == 'wdate':
                add(wdate or '')
            elif key.startswith('rest'):
                n = int(key[5:]) if ':' in key else len(paras) - used
                chunk = paras[used:used + n]
                for q, p in enumerate(chunk):
                    if q:
                        add(join)
                    if p.startswith('!'):
                        add(p[1:], 'clutter')
                    else:
                        add(p, 'story')
                used += len(chunk)
            elif key.startswith('p'):
                n = int(key[1:])
                p = paras[n - 1]
                if p.startswith('!'):
                    add(p[1:], 'clutter')
                else:
                    add(p, 'story')
                used = max(used, n)
            i = e + 1
    return ''.join(out), spans, title


def inside(a, b, spans):
    return any(s <= a and b <= e for s, e, _ in spans)


def overlaps(a, b, spans):
    return any(a < e and s < b for s, e, _ in spans)


def check(fx, text, spans, title, analysis):
    problems = []
    meta = fx['meta']
    tb = text.encode('utf-8')
    got_date = analysis['reference_date']
    want_date = None if meta.get('date', 'none') == 'none' else meta['date']
    date_ok = got_date == want_date
    if not date_ok:
        problems.append('reference date %s, want %s' % (got_date, want_date))
    want_title = meta.get('title', '=')
    want_title = title if want_title == '=' else None if want_title == 'none' else want_title
    got_title = analysis['title']['text'] if analysis['title'] else None
    title_ok = got_title == want_title
    if not title_ok:
        problems.append('title %r, want %r' % (got_title, want_title))
    for key in ('dateline', 'byline'):
        if key in meta:
            got = analysis[key]['text'] if analysis[key] else None
            if got != meta[key]:
                problems.append('%s %r, want %r' % (key, got, meta[key]))
    # boilerplate: exactly the clutter lines
    paras = analysis['paragraphs']
    missed, eaten = [], []
    for s, e, line in spans['clutter']:
        if not any(p['boilerplate'] and p['start'] <= s and e <= p['end'] for p in paras):
            missed.append(line)
    for p in paras:
        if not p['boilerplate']:
            continue
        if not inside(p['start'], p['end'], spans['clutter']):
            eaten.append(tb[p['start']:p['end']].decode('utf-8', 'replace'))
    if missed:
        problems.append('clutter not boilerplate: %r' % missed)
    if eaten:
        problems.append('boilerplate that is no clutter: %r' % eaten)
    story_eaten = sum(1 for p in paras if p['boilerplate'] and overlaps(p['start'], p['end'], spans['story']))
    # leaks: nothing of the analysis from clutter, head lines or the dateline
    quiet = spans['clutter'] + spans['head']
    if analysis['dateline']:
        quiet = quiet + [(analysis['dateline']['start'], analysis['dateline']['end'], 'dateline')]
    leaks = []
    for st in analysis['sentences']:
        if overlaps(st['start'], st['end'], quiet):
            leaks.append('sentence ' + tb[st['start']:st['end']].decode('utf-8', 'replace')[:60])
    for en in analysis['entities']:
        for m in en['mentions']:
            if overlaps(m['start'], m['end'], quiet):
                leaks.append('entity %s %r' % (en['type'], m['text']))
    for q in analysis['quotes']:
        if overlaps(q['start'], q['end'], quiet):
            leaks.append('quote %r' % q['text'][:60])
    for ev in analysis['events']:
        if overlaps(ev['trigger']['start'], ev['trigger']['end'], quiet) or \
           any(overlaps(a['start'], a['end'], quiet) for a in ev['arguments']):
            leaks.append('event %s %r' % (ev['type'], ev['trigger']['text']))
    if leaks:
        problems.append('from clutter or head lines: %r' % leaks)
    return {'date': date_ok, 'title': title_ok, 'boilerplate': not missed and not eaten,
            'leaks': len(leaks), 'story_eaten': story_eaten, 'problems': problems}


def main():
    args = sys.argv[1:]
    if not args:
        print(__doc__)
        return 2
    cli = args[0]
    shared = os.environ.get('AE_SHARED_DIR') or os.path.join(ROOT, '..', 'shared')
    verbose = '--verbose' in args
    write = None
    if '--shared' in args:
        shared = args[args.index('--shared') + 1]
    if '--write' in args:
        write = args[args.index('--write') + 1]
    fixtures = []
    for path in sorted(glob.glob(os.path.join(HERE, 'pages', '*.txt'))):
        fixtures += parse_fixtures(path)
    built, skipped = [], 0
    for fx in fixtures:
        b = build(fx, shared)
        if b is None:
            skipped += 1
            continue
        built.append((fx, b))
    if skipped:
        print('head: %d of %d pages skipped: their article is not in %s/data/news' % (skipped, len(fixtures), shared))
    if not built:
        print('head: no page to check')
        return 77
    with tempfile.TemporaryDirectory() as tmp:
        inp, outp = os.path.join(tmp, 'in.jsonl'), os.path.join(tmp, 'out.jsonl')
        with open(inp, 'w', encoding='utf-8') as f:
            for fx, (text, _, _) in built:
                f.write(json.dumps({'id': fx['name'], 'text': text}) + '\n')
                if write:
                    os.makedirs(write, exist_ok=True)
                    open(os.path.join(write, fx['name'] + '.txt'), 'w', encoding='utf-8').write(text)
        subprocess.run([cli, 'batch', inp, outp, '--threads', '2'], check=True, stderr=subprocess.DEVNULL)
        results = [json.loads(l) for l in open(outp, encoding='utf-8') if l.strip()]
    n = len(built)
    tot = {'date': 0, 'title': 0, 'boilerplate': 0, 'leaks': 0, 'story_eaten': 0}
    styles = set()
    failed = 0
    for (fx, (text, spans, title)), res in zip(built, results):
        r = check(fx, text, spans, title, res['analysis'])
        styles.add(fx['file'])
        for k in ('date', 'title', 'boilerplate'):
            tot[k] += r[k]
        tot['leaks'] += r['leaks']
        tot['story_eaten'] += r['story_eaten']
        if r['problems']:
            failed += 1
            print('FAIL %s (%s)' % (fx['name'], fx['file']))
            for p in r['problems']:
                print('     ' + p)
        elif verbose:
            print('ok   %s' % fx['name'])
    pct = lambda k: 100.0 * tot[k] / n
    print('head: %d pages in %d site styles: reference date right %.1f %%, title right %.1f %%, '
          'boilerplate exact %.1f %%; %d clutter leaks, %d story paragraphs marked boilerplate; %d pages with a problem'
          % (n, len(styles), pct('date'), pct('title'), pct('boilerplate'), tot['leaks'], tot['story_eaten'], failed))
    ok = pct('date') >= 97.0 and pct('title') >= 95.0 and tot['leaks'] == 0 and tot['story_eaten'] == 0
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
