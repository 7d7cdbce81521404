#!/usr/bin/python3
"""End-to-end test of the browser desk (`shufa serve`) through a real headless Chromium (Selenium, Debian's
chromium and chromium-driver): the whole year as the people who use it.

  clerk      signs in, uploads the sample roster, sees its bad rows, builds (progress through server-sent
             events), downloads a PDF;
  leader     (黄志刚, QC006) downloads the draft, fills the indicator table but leaves the instruction prompt,
             uploads it, sees the finding beside the outline, deletes the prompt, uploads again: it passes and
             the final report is made;
  reviewer   records 审定 by 县司法局党组;
  clerk      fills the 测评录入表 (openpyxl, like another program would) and uploads it: grades and chart;
  archivist  sees the status table, records 报送 and 归档, searches, exports the year.

A screenshot is taken at every step (NN-step.png in --out). Exit code 0 when every step did what it should.
Usage: /usr/bin/python3 scripts/e2e-desk.py --shufa .build/debug/shufa --out DIR   (from the repository root)
"""
import argparse
import io
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import zipfile

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PASSWORD = "e2e-password-1"
ACCOUNTS = [("clerk", "clerk", None), ("huang", "leader", "QC006"), ("reviewer", "reviewer", None),
            ("archivist", "archivist", None)]
INDICATORS = ["6", "3", "72"]


class Desk:
    """The server and the browser, with the checks and screenshots of each step."""

    def __init__(self, shufa, out, work):
        self.shufa, self.out, self.work = shufa, out, work
        self.data = os.path.join(work, "data")
        self.downloads = os.path.join(work, "downloads")
        os.makedirs(self.downloads)
        self.shots = 0
        for name, role, leader in ACCOUNTS:
            command = [shufa, "user", "add", name, "--role", role, "--data", self.data]
            if leader:
                command += ["--leader", leader]
            subprocess.run(command, input=PASSWORD + "\n", text=True, check=True, stdout=subprocess.DEVNULL)
        self.port = free_port()
        self.log = open(os.path.join(work, "serve.log"), "w")
        self.server = subprocess.Popen([shufa, "serve", "--port", str(self.port), "--data", self.data], cwd=ROOT,
                                       stdout=self.log, stderr=subprocess.STDOUT)
        self.base = "http://127.0.0.1:%d" % self.port
        wait_for(self.base + "/login")
        options = webdriver.ChromeOptions()
        for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--window-size=1280,1400", "--lang=zh-CN"]:
            options.add_argument(argument)
        options.add_experimental_option("prefs", {"download.default_directory": self.downloads,
                                                  "download.prompt_for_download": False})
        self.browser = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"),
                                        options=options)
        self.browser.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": self.downloads})

    def close(self):
        self.browser.quit()
        self.server.terminate()
        self.server.wait(timeout=30)
        self.log.close()

    # Steps of the browser

    def shot(self, name):
        self.shots += 1
        path = os.path.join(self.out, "%02d-%s.png" % (self.shots, name))
        self.browser.save_screenshot(path)
        print("screenshot", path, flush=True)

    def open(self, path):
        self.browser.get(self.base + path)

    def submit(self, element):
        """Clicks a button or link that loads a new page, and waits until the new page is there (the old page
        is marked; the wait ends when a complete page without the mark is shown)."""
        self.browser.execute_script("window.shufaOldPage = true;")
        element.click()
        done = "return window.shufaOldPage === undefined && document.readyState === 'complete';"
        wait = WebDriverWait(self.browser, 120, ignored_exceptions=[WebDriverException])
        wait.until(lambda browser: browser.execute_script(done))

    def text(self, css="body"):
        return self.browser.find_element(By.CSS_SELECTOR, css).text

    def sign_in(self, name):
        self.open("/login")
        self.browser.find_element(By.ID, "name").send_keys(name)
        self.browser.find_element(By.ID, "password").send_keys(PASSWORD)
        self.submit(self.browser.find_element(By.ID, "signin"))

    def sign_out(self):
        self.submit(self.browser.find_element(By.CSS_SELECTOR, "form.logout button"))
        expect("/login" in self.browser.current_url, "signed out")

    def upload(self, input_id, button_id, path):
        self.browser.find_element(By.ID, input_id).send_keys(path)
        self.submit(self.browser.find_element(By.ID, button_id))

    def download(self, link):
        """Clicks a link and waits for its file in the download folder; returns the file's path."""
        before = set(os.listdir(self.downloads))
        link.click()
        deadline = time.time() + 60
        while time.time() < deadline:
            done = [name for name in set(os.listdir(self.downloads)) - before if not name.endswith(".crdownload")]
            if done:
                return os.path.join(self.downloads, done[0])
            time.sleep(0.2)
        raise AssertionError("no download from " + link.get_attribute("href"))

    # The year

    def clerk_builds(self):
        self.sign_in("clerk")
        expect(self.browser.current_url.endswith("/clerk"), "the clerk lands on the desk")
        self.shot("clerk-desk")
        self.upload("roster-file", "roster-upload", os.path.join(ROOT, "samples", "roster-with-errors.json"))
        expect(self.browser.current_url.endswith("/clerk/roster"), "the roster page after the upload")
        problems = self.browser.find_elements(By.CSS_SELECTOR, "#problems tr")
        expect(len(problems) > 1, "the roster's bad rows are listed")
        expect("姓名" in self.text("#problems") and "必填项为空" in self.text("#problems"),
               "a bad row names its column and what is wrong")
        self.shot("roster-problems")
        self.open("/clerk")
        self.upload("roster-file", "roster-upload", os.path.join(ROOT, "samples", "roster.json"))
        expect(not self.browser.find_elements(By.ID, "problems"), "the clean roster has no bad rows")
        self.shot("roster-clean")
        self.submit(self.browser.find_element(By.ID, "build"))
        expect("/clerk/jobs/" in self.browser.current_url, "the job page")
        seen = set()
        deadline = time.time() + 900
        while time.time() < deadline and not self.browser.find_elements(By.ID, "outcome"):
            try:
                stage = self.text("#stage")
                if stage.startswith("转换 PDF") and "pdf" not in seen and self.text("#count"):
                    seen.add("pdf")
                    self.shot("build-progress")
            except WebDriverException:
                pass  # the page is being reloaded when the job ends
            time.sleep(0.3)
        outcome = self.text("#outcome")
        expect("已生成" in outcome and "PDF" in outcome, "the build finished with PDFs: " + outcome)
        expect("pdf" in seen, "progress was followed live (server-sent events)")
        self.shot("build-done")
        self.submit(self.browser.find_element(By.ID, "to-batch"))
        self.shot("batch")
        links = [a for a in self.browser.find_elements(By.CSS_SELECTOR, "#documents a")
                 if a.text == ".pdf" and (a.get_attribute("title") or "").endswith("QC006-黄志刚-述职述法报告.pdf")]
        expect(links, "a PDF of 黄志刚's report is offered")
        pdf = self.download(links[0])
        expect(open(pdf, "rb").read(5) == b"%PDF-", "the PDF downloaded is a PDF")
        text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout
        expect("黄志刚" in text and "履行推进法治建设第一责任人职责情况" in text, "the PDF holds the report")
        self.sign_out()

    def leader_returns(self):
        self.sign_in("huang")
        expect(self.browser.current_url.endswith("/leader"), "the leader lands on their page")
        self.shot("leader")
        drafts = [a for a in self.browser.find_elements(By.CSS_SELECTOR, "#draft a") if a.text.endswith(".odt")]
        expect(len(drafts) == 1 and "黄志刚" in drafts[0].text, "the leader's own draft, and only it")
        draft = self.download(drafts[0])
        words = [a for a in self.browser.find_elements(By.CSS_SELECTOR, "#draft a") if a.text.endswith(".docx")]
        expect(len(words) == 1 and "黄志刚" in words[0].text, "the leader's draft as a Word document too")
        word = self.download(words[0])
        with zipfile.ZipFile(word) as package:
            body = package.read("word/document.xml").decode("utf-8")
        expect("黄志刚" in body and "【" in body, "the Word draft holds the leader and the prompts")
        first = os.path.join(self.work, "黄志刚-述职述法报告.odt")
        fill(draft, first, keep_instruction=True)
        self.upload("report-file", "report-upload", first)
        verdict = self.text("#verdict")
        expect("错误" in verdict, "the returned draft has a finding: " + verdict)
        marked = self.browser.find_elements(By.CSS_SELECTOR, "#outline p.marked")
        expect(marked and "提示" in self.text("#findings"), "the finding is shown beside the marked paragraph")
        self.shot("leader-finding")
        fixed = os.path.join(self.work, "黄志刚-述职述法报告-改.odt")
        fill(draft, fixed, keep_instruction=False)
        self.upload("report-file", "report-upload", fixed)
        expect("检查通过" in self.text("#verdict"), "the fixed report passes")
        final = self.browser.find_elements(By.CSS_SELECTOR, "#final a")
        expect(final and "述职述法报告" in final[0].text, "the final report is made")
        self.shot("leader-fixed")
        typed = os.path.join(self.work, "黄志刚-述职述法报告.docx")
        fill_word(word, typed)
        self.upload("report-file", "report-upload", typed)
        expect("检查通过" in self.text("#verdict"), "the Word draft filled in Word's way passes too")
        final = self.browser.find_elements(By.CSS_SELECTOR, "#final a")
        expect(final and "述职述法报告" in final[0].text, "the final report is made from the Word document")
        self.shot("leader-word")
        self.open("/clerk")
        expect("无权" in self.text("#message"), "a leader may not open the clerk's desk")
        self.sign_out()

    def reviewer_approves(self):
        self.sign_in("reviewer")
        self.shot("review-list")
        self.submit(self.browser.find_element(By.LINK_TEXT, "黄志刚"))
        Select(self.browser.find_element(By.ID, "to")).select_by_visible_text("审定")
        self.browser.find_element(By.ID, "by").send_keys("县司法局党组")
        self.browser.find_element(By.ID, "note").send_keys("党组会议研究")
        self.submit(self.browser.find_element(By.ID, "record"))
        expect("已记录" in self.text("#notice"), "审定 recorded")
        expect("县司法局党组（经办账号 reviewer）" in self.text("table.trail"), "the trail names the account")
        self.shot("review-approved")
        self.sign_out()

    def clerk_tallies(self):
        self.sign_in("clerk")
        self.open("/clerk/tally")
        links = [a for a in self.browser.find_elements(By.TAG_NAME, "a") if a.text == "测评录入表.xlsx"]
        expect(links, "the blank 测评录入表 is offered")
        blank = self.download(links[0])
        filled = os.path.join(self.work, "测评录入表-已填.xlsx")
        subprocess.run([sys.executable, os.path.join(ROOT, "Tests", "ShufaKitTests", "Fixtures", "tally-fill.py"),
                        blank, filled], check=True, stdout=subprocess.DEVNULL)
        self.upload("tally-file", "tally-upload", filled)
        rows = self.browser.find_elements(By.CSS_SELECTOR, "#grades tr")
        expect(len(rows) > 10, "grades for the leaders")
        expect(self.browser.find_elements(By.CSS_SELECTOR, "svg.chart rect"), "the chart of grades")
        self.shot("tally")
        self.sign_out()

    def archivist_archives(self):
        self.sign_in("archivist")
        self.shot("status")
        for step in ["报送", "归档"]:
            Select(self.browser.find_element(By.ID, "leader")).select_by_value("QC006")
            Select(self.browser.find_element(By.ID, "to")).select_by_visible_text(step)
            self.browser.find_element(By.ID, "by").send_keys("县委组织部")
            self.submit(self.browser.find_element(By.ID, "step"))
            expect("已记录" in self.text("#notice"), step + " recorded")
        total = [row.text for row in self.browser.find_elements(By.CSS_SELECTOR, "#status tr") if "合计" in row.text]
        expect(total and "优秀" in total[0], "the status table shows the grades: %s" % total)
        self.shot("status-archived")
        self.open("/archive/search")
        self.browser.find_element(By.ID, "q").send_keys("黄志刚")
        self.submit(self.browser.find_element(By.ID, "search"))
        expect("找到" in self.text("#total"), "search finds 黄志刚's documents")
        self.shot("search")
        self.submit(self.browser.find_element(By.CSS_SELECTOR, "#hits a[href^='/archive/leader/']"))
        trail = self.text("table.trail")
        for state in ["下发草稿", "已交回", "审定", "报送", "归档"]:
            expect(state in trail, "the trail holds " + state)
        self.shot("trail")
        self.open("/archive/export")
        self.browser.find_element(By.ID, "export").click()
        deadline = time.time() + 60
        package = None
        while time.time() < deadline and not package:
            found = [name for name in os.listdir(self.downloads) if name.endswith(".zip")]
            package = os.path.join(self.downloads, found[0]) if found else None
            time.sleep(0.2)
        expect(package and zipfile.is_zipfile(package), "the year's package is exported")
        self.sign_out()


def fill(draft, target, keep_instruction):
    """The leader's edit in an office program: the indicator prompts typed over; the instruction prompt
    deleted unless `keep_instruction` (the mistake the checks find)."""
    with zipfile.ZipFile(draft) as source:
        parts = [(info, source.read(info.filename)) for info in source.infolist()]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        for info, data in parts:
            if info.filename == "content.xml":
                xml = data.decode("utf-8")
                values = iter(INDICATORS)
                xml = re.sub(r'<text:span text:style-name="Prompt">【请填写】</text:span>', lambda _: next(values), xml)
                if not keep_instruction:
                    xml = re.sub(r'<text:p[^>]*><text:span text:style-name="Prompt">【请在本草稿上[^<]*</text:span></text:p>',
                                 "", xml)
                data = xml.encode("utf-8")
            method = zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED
            entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            package.writestr(entry, data, compress_type=method)
    with open(target, "wb") as file:
        file.write(out.getvalue())


def fill_word(draft, target):
    """The same edit in Word (python-docx): each indicator prompt's content control typed over, the
    instruction's paragraph deleted."""
    import docx
    from docx.oxml.ns import qn
    document = docx.Document(draft)
    values = iter(INDICATORS)
    for control in list(document.element.body.iter(qn("w:sdt"))):
        text = "".join(t.text or "" for t in control.iter(qn("w:t")))
        if text == "【请填写】":
            run = control.find(qn("w:sdtContent")).find(qn("w:r"))
            for style in run.findall(qn("w:rPr")):
                run.remove(style)
            run.find(qn("w:t")).text = next(values)
            control.addprevious(run)
            control.getparent().remove(control)
        elif text.startswith("【请在本草稿上"):
            paragraph = control.getparent()
            paragraph.getparent().remove(paragraph)
    document.save(target)


def expect(condition, what):
    if not condition:
        raise AssertionError(what)
    print("ok:", what, flush=True)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url, seconds=60):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            time.sleep(0.2)
    raise AssertionError("the desk did not start at " + url)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--shufa", default=os.path.join(ROOT, ".build", "debug", "shufa"))
    parser.add_argument("--out", required=True, help="where the screenshots go")
    arguments = parser.parse_args()
    os.makedirs(arguments.out, exist_ok=True)
    work = tempfile.mkdtemp(prefix="shufa-e2e-")
    desk = Desk(os.path.abspath(arguments.shufa), os.path.abspath(arguments.out), work)
    try:
        desk.clerk_builds()
        desk.leader_returns()
        desk.reviewer_approves()
        desk.clerk_tallies()
        desk.archivist_archives()
    except Exception:
        desk.shot("failed")
        print(open(os.path.join(work, "serve.log")).read(), file=sys.stderr)
        raise
    finally:
        desk.close()
        shutil.rmtree(work, ignore_errors=True)
    print("e2e: the whole year passed, %d screenshots in %s" % (desk.shots, arguments.out))


if __name__ == "__main__":
    main()
