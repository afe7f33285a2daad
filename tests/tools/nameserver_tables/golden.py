import json
d=json.load(open('/work/shared/vectors/pyro5_ns_vectors.json'))
HDR='# serpent utf-8 python3.2\n'
def rs(s):
    # rust raw string
    h='#'
    while ('"'+h) in s: h+='#'
    return f'r{h}"{s}"{h}'
skip_prefixes=('serpent/connect','serpent/msg_ping')
for c in d[1:]:
    n=c['name']
    if not n.startswith('serpent/'): continue
    frames=c.get('frames',[])
    pend=None
    rows=[]
    for f in frames:
        t=f.get('decoded',{}).get('payload_text')
        if t is None: continue
        t=t[len(HDR):] if t.startswith(HDR) else t
        if f['dir']=='c2s':
            if t.startswith("{'handshake'"): pend=None; continue
            if pend is not None: rows.append((pend,None))  # oneway: no reply
            pend=t
        else:
            if pend is None: continue
            if t.startswith("{'handshake'"): continue
            rows.append((pend,t)); pend=None
    if pend is not None: rows.append((pend,None))
    for req,resp in rows:
        if resp is None:
            exp='Reply::None'
        elif "'__exception__':True" in resp and resp.startswith("{'__class__'"):
            import ast
            cls=resp.split("'__class__':'",1)[1].split("'",1)[0]
            # args tuple
            a=resp.split("'args':(",1)[1]
            v=ast.literal_eval('('+a.split(",),'attributes'",1)[0]+',)')
            exp=f'Reply::Err({rs(cls)}, {rs(v[0])})'
        else:
            exp=f'Reply::Ok({rs(resp)})'
        print(f'    ({rs(n)}, {rs(req)}, {exp}),')
