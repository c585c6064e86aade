#!/usr/bin/env python3
"""Rough load against a running platform: registers N people at the window and records one
tracking contact for each, from 8 concurrent HTTP clients, then prints commands per second.

    PES_PASSWORD=... python3 scripts/load.py http://localhost:8080 2000 [first-person-number]

Signs in as the embedded default's caseworker-street (PES_USER) with PES_PASSWORD: an account must
change its initial password before it may work, so change it once first (the /account/password page,
or POST /api/account/password). A rough figure including the client's own overhead; the benchmarks
of the synthetic-city issue replace it.
"""
import concurrent.futures
import datetime
import json
import os
import sys
import time
import urllib.request
import zoneinfo

BASE = sys.argv[1]
N = int(sys.argv[2])
FIRST = int(sys.argv[3]) if len(sys.argv) > 3 else 0
WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHECK = "10X98765432"


def id_number(i):
    """A valid GB 11643 number, different for every i below a few hundred thousand."""
    body = "110105" + f"{1970 + i % 30}{1 + i % 12:02d}{1 + i % 28:02d}" + f"{(i // 7) % 1000:03d}"
    return body + CHECK[sum(int(d) * w for d, w in zip(body, WEIGHTS)) % 11]


def post(path, body, token=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    request = urllib.request.Request(BASE + path, data=json.dumps(body).encode(), headers=headers, method="POST")
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read() or b"{}")


TOKEN = post("/api/auth/token", {"username": os.environ.get("PES_USER", "caseworker-street"),
                                 "password": os.environ.get("PES_PASSWORD", "ChangeMe-2026!")})["access_token"]
try:
    post("/api/registrations", {}, TOKEN)
except urllib.error.HTTPError as e:
    if e.code == 403 and b"PASSWORD_CHANGE_REQUIRED" in e.read():
        sys.exit("The account is still on its initial password: change it once, then set PES_PASSWORD.")
TODAY = datetime.datetime.now(zoneinfo.ZoneInfo("Asia/Shanghai")).date().isoformat()


def one(i):
    try:
        case = post("/api/registrations", {
            "person": {"idNumber": id_number(i), "name": "测试" + str(i), "phone": "13800000000"},
            "channel": "WINDOW", "presentedDocument": "RESIDENT_ID_CARD",
            "declaration": {"receivingPension": False, "employed": False, "ableToWork": True, "wantsWork": True},
            "reason": "LOST_JOB"}, TOKEN)["caseId"]
        post(f"/api/cases/{case}/contacts", {"contactDate": TODAY, "method": "PHONE", "reached": True,
                                             "statusFound": "UNEMPLOYED"}, TOKEN)
        return 2
    except urllib.error.HTTPError as e:
        if i == FIRST:
            print("first failure:", e.code, e.read()[:200])
        return 0


start = time.time()
with concurrent.futures.ThreadPoolExecutor(8) as clients:
    done = sum(clients.map(one, range(FIRST, FIRST + N)))
elapsed = time.time() - start
print(f"{done} commands in {elapsed:.1f}s = {done / elapsed:.0f} commands/s (8 clients)")
