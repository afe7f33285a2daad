#!/usr/bin/env python3
"""Write the fuzz seed corpora from the golden captures (STYLE.md habit 12).

Usage: seeds.py [VECTORS_JSON] [CORPUS_DIR]
Defaults: ../../../shared/vectors/pyro5_ns_vectors.json and ./corpus, relative to this file.

Per target, one file per distinct input (named by content hash, so re-running is idempotent
and libFuzzer's own additions in the same directory are kept):

  frame     every captured frame (both directions), plus each connection's client stream
  serpent   every serializer-1 payload (compressed ones inflated); likewise marshal (2),
  marshal   json (3) and msgpack (4); PING payloads are not serialized and are skipped
  json
  msgpack
  session   each connection's client->server bytes, with the session target's 2-byte
            control prefix: as captured; one byte at a time; in 5-byte chunks; with
            compressed replies (compressed_ns cases); and in "fix lengths" mode
"""

import hashlib
import json
import os
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
SERIALIZERS = {1: "serpent", 2: "marshal", 3: "json", 4: "msgpack"}
TARGETS = ["frame", "session"] + list(SERIALIZERS.values())


def write(corpus, target, data):
    path = os.path.join(corpus, target, hashlib.sha1(data).hexdigest())
    if not os.path.exists(path):
        with open(path, "wb") as f:
            f.write(data)


def payload_of(frame_bytes, header):
    ann = header["annotations_length"]
    size = header["data_length"]
    payload = frame_bytes[40 + ann : 40 + ann + size]
    if len(payload) != size:
        return None  # a hand-made frame that announces more than it carries
    if header["flags"] & 0x02:
        try:
            payload = zlib.decompress(payload)
        except zlib.error:
            return None  # raw/invoke_bad_compressed: not zlib on purpose
    return payload


def main():
    vectors = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        HERE, "..", "..", "..", "shared", "vectors", "pyro5_ns_vectors.json"
    )
    corpus = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "corpus")
    for target in TARGETS:
        os.makedirs(os.path.join(corpus, target), exist_ok=True)
    with open(vectors) as f:
        cases = json.load(f)

    for case in cases:
        streams = {}
        for frame in case.get("frames", []):
            data = bytes.fromhex(frame["hex"])
            header = frame.get("header")  # absent for non-Pyro bytes
            write(corpus, "frame", data)
            if frame["dir"] == "c2s":
                streams.setdefault(frame["conn"], bytearray()).extend(data)
            if header is None:
                continue
            ser = SERIALIZERS.get(header["serializer_id"])
            if ser and header["msgtype_name"] != "PING":
                payload = payload_of(data, header)
                if payload is not None:
                    write(corpus, ser, payload)
        compressed = case["name"].startswith("compressed_ns/")
        for stream in streams.values():
            stream = bytes(stream)
            write(corpus, "frame", stream)
            write(corpus, "session", bytes([1 if compressed else 0, 0]) + stream)
            write(corpus, "session", bytes([0, 1, 0]) + stream)  # 1 byte per receive
            write(corpus, "session", bytes([0, 1, 2]) + stream)  # 1 + 2*2 = 5 bytes
            write(corpus, "session", bytes([2, 0]) + stream)  # fix-lengths mode

    counts = {t: len(os.listdir(os.path.join(corpus, t))) for t in TARGETS}
    print("seeds:", ", ".join(f"{t} {n}" for t, n in counts.items()))


if __name__ == "__main__":
    main()
