#!/usr/bin/python3
"""Bounded load test of the browser desk (`shufa serve`) on loopback: N leaders return their reports at the
same moment, and nothing may be lost.

Setup (not timed): a roster of N leaders made from the sample's real texts under new names and 编号; one
account per leader (`shufa user add`); the clerk uploads the roster and builds the batch (with PDFs); each
leader signs in and downloads their generated 述职述法报告 (.odt) - the report they will return.
Timed: N threads released together, each uploading its report (multipart POST /leader/upload) and waiting
for the answer; the desk checks it, extracts it, builds the final report and archives it before answering.
Then: every leader's page must show their report as checked, the journal must hold N returns, the archive's
status table N reports back, and every upload must be stored under its SHA-256.

Usage: /usr/bin/python3 scripts/load-desk.py [--leaders 50] [--shufa .build/release/shufa]
Prints the latencies (p50, p95, max) and the wall time.
"""
import argparse
import hashlib
import http.cookiejar
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PASSWORD = "load-password-1"


class Session:
    """One browser: a cookie jar, the last page's form token."""

    def __init__(self, base):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()),
                                                  NoRedirect())
        self.token = ""

    def get(self, path):
        with self.opener.open(self.base + path, timeout=600) as response:
            body = response.read()
        found = re.search(rb'name="csrf" value="([0-9a-f]+)"', body)
        if found:
            self.token = found.group(1).decode()
        return body

    def post(self, path, fields):
        data = urllib.parse.urlencode(dict(fields, csrf=self.token)).encode()
        return self.opener.open(urllib.request.Request(self.base + path, data=data), timeout=600)

    def upload(self, path, name, content):
        boundary = "----load" + uuid.uuid4().hex
        body = ("--%s\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n%s\r\n" % (boundary, self.token)).encode()
        body += ("--%s\r\nContent-Disposition: form-data; name=\"file\"; filename=\"%s\"\r\n"
                 "Content-Type: application/octet-stream\r\n\r\n" % (boundary, name)).encode()
        body += content + ("\r\n--%s--\r\n" % boundary).encode()
        request = urllib.request.Request(self.base + path, data=body, headers={
            "Content-Type": "multipart/form-data; boundary=" + boundary})
        return self.opener.open(request, timeout=600)

    def sign_in(self, name):
        self.get("/login")
        self.post("/login", {"name": name, "password": PASSWORD})


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """Answers 303 as they are (the test reads the Location), instead of following them."""

    def http_error_303(self, request, response, code, message, headers):
        return response


def roster(count):
    """The sample's leaders with both texts, repeated under new names and 编号 until there are `count`."""
    sample = json.load(open(os.path.join(ROOT, "samples", "roster.json"), encoding="utf-8"))
    complete = [leader for leader in sample["leaders"] if leader.get("duty") and leader.get("law")
                and leader.get("name") and leader["role"] != "党组书记"]
    surnames = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜"
    given = "国华明远立新文斌晓梅海燕志刚丽娟玉兰建军雪卫东志明文静海波立平晓东红梅"
    leaders = []
    for index in range(count):
        leader = dict(complete[index % len(complete)])
        leader["id"] = "LD%03d" % (index + 1)
        first, second = given[(index * 2) % len(given)], given[(index * 2 + 1) % len(given)]
        leader["name"] = surnames[index % len(surnames)] + first + second
        leaders.append(leader)
    return {"organization": sample["organization"], "year": sample["year"], "leaders": leaders}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--leaders", type=int, default=50)
    parser.add_argument("--shufa", default=os.path.join(ROOT, ".build", "release", "shufa"))
    arguments = parser.parse_args()
    shufa = os.path.abspath(arguments.shufa)
    work = tempfile.mkdtemp(prefix="shufa-load-")
    data = os.path.join(work, "data")
    people = roster(arguments.leaders)
    roster_file = os.path.join(work, "名单.json")
    json.dump(people, open(roster_file, "w", encoding="utf-8"), ensure_ascii=False)
    accounts = [("clerk", "clerk", None)] + [(leader["id"].lower(), "leader", leader["id"])
                                             for leader in people["leaders"]]
    for name, role, leader in accounts:
        command = [shufa, "user", "add", name, "--role", role, "--data", data]
        command += ["--leader", leader] if leader else []
        subprocess.run(command, input=PASSWORD + "\n", text=True, check=True, stdout=subprocess.DEVNULL)
    port = free_port()
    log = open(os.path.join(work, "serve.log"), "w")
    server = subprocess.Popen([shufa, "serve", "--port", str(port), "--data", data], cwd=ROOT, stdout=log,
                              stderr=subprocess.STDOUT)
    base = "http://127.0.0.1:%d" % port
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(base + "/login", timeout=2).read()
                break
            except OSError:
                time.sleep(0.2)
        clerk = Session(base)
        clerk.sign_in("clerk")
        clerk.get("/clerk")
        clerk.upload("/clerk/roster", "名单.json", open(roster_file, "rb").read())
        clerk.get("/clerk/roster")
        job = clerk.post("/clerk/build", {}).headers["Location"]
        started = time.time()
        while b'id="outcome"' not in clerk.get(job):
            time.sleep(1)
        print("batch of %d leaders built and printed in %.0f s" % (arguments.leaders, time.time() - started))
        leaders = []
        for leader in people["leaders"]:
            session = Session(base)
            session.sign_in(leader["id"].lower())
            page = session.get("/leader").decode()
            link = re.search(r'<a href="(/file/[0-9a-f]{64})">%s-[^<]*-述职述法报告\.odt</a>' % leader["id"], page)
            report = session.get(link.group(1))
            session.get("/leader")
            leaders.append((leader, session, report))
        latencies, failures = [None] * len(leaders), []
        barrier = threading.Barrier(len(leaders))

        def return_report(index):
            leader, session, report = leaders[index]
            barrier.wait()
            start = time.time()
            try:
                response = session.upload("/leader/upload", "%s-述职述法报告.odt" % leader["name"], report)
                if response.status != 303 or response.headers["Location"] != "/leader":
                    failures.append("%s: %d" % (leader["id"], response.status))
            except Exception as error:  # an HTTP error is a lost upload
                failures.append("%s: %s" % (leader["id"], error))
            latencies[index] = time.time() - start

        threads = [threading.Thread(target=return_report, args=(index,)) for index in range(len(leaders))]
        wall = time.time()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.time() - wall
        lost = check(leaders, data, shufa)
        print("leaders %d, failed %d, lost %d" % (len(leaders), len(failures), len(lost)))
        for line in failures + lost:
            print("  ", line)
        print("upload latency: p50 %.2f s, p95 %.2f s, max %.2f s; all %d in %.1f s (%.1f uploads/s)" % (
            statistics.median(latencies), percentile(latencies, 0.95), max(latencies), len(leaders), wall,
            len(leaders) / wall))
        return 1 if failures or lost else 0
    finally:
        server.terminate()
        server.wait(timeout=60)
        log.close()
        shutil.rmtree(work, ignore_errors=True)


def check(leaders, data, shufa):
    """What was lost: a leader whose page does not show their report, an upload not stored under its
    SHA-256, a return missing from the journal or from the archive's status table."""
    lost = []
    for leader, session, report in leaders:
        page = session.get("/leader").decode()
        if "%s-述职述法报告.odt" % leader["name"] not in page or 'id="verdict"' not in page:
            lost.append("%s: not on the leader's page" % leader["id"])
        stored = os.path.join(data, "uploads", hashlib.sha256(report).hexdigest() + ".odt")
        if not os.path.exists(stored) or open(stored, "rb").read() != report:
            lost.append("%s: not stored under its SHA-256" % leader["id"])
    journal = [json.loads(line) for line in open(os.path.join(data, "journal.jsonl"), encoding="utf-8")]
    returns = [entry for entry in journal if entry["action"] == "return"]
    if len(returns) != len(leaders):
        lost.append("journal: %d returns" % len(returns))
    status = subprocess.run([shufa, "status", "--json", "--archive", os.path.join(data, "archive")],
                            capture_output=True, text=True)
    if status.returncode == 0:
        returned = json.loads(status.stdout)["total"]["returned"]
        if returned != len(leaders):
            lost.append("archive: %d reports back" % returned)
    else:
        lost.append("archive: status failed: " + status.stderr)
    return lost


if __name__ == "__main__":
    sys.exit(main())
