#!/usr/bin/env python3
"""Regenerates the converted fixtures of the report corpus (Tests/ShufaKitTests/Fixtures/corpus).

Every NAME.txt (UTF-8, one paragraph a line) is opened by headless LibreOffice through its text
filter and saved as NAME.fodt (Flat ODF); that .fodt is then saved as NAME.docx (Word 2007–365),
the way a text pasted into an office program and sent on looks. One LibreOffice process converts
all files of a step, with its own profile. Run from the repository root:

    python3 scripts/make-corpus-fixtures.py
"""
import glob, os, shutil, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "Tests", "ShufaKitTests", "Fixtures", "corpus")
TEXT_FILTER = "Text (encoded):UTF8,LF,,,"


def convert(files, target, outdir, profile, infilter=None):
    command = ["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{profile}"]
    if infilter:
        command.append(f"--infilter={infilter}")
    command += ["--convert-to", target, "--outdir", outdir] + files
    env = dict(os.environ, FONTCONFIG_FILE=os.path.join(ROOT, "fonts", "fonts.conf"))
    subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL, timeout=600)


def main():
    work = tempfile.mkdtemp()
    try:
        profile = os.path.join(work, "profile")
        for folder in sorted(glob.glob(os.path.join(CORPUS, "*", ""))):
            texts = sorted(glob.glob(os.path.join(folder, "*.txt")))
            if not texts:
                continue
            convert(texts, "fodt", folder, profile, infilter=TEXT_FILTER)
            flats = [t[:-4] + ".fodt" for t in texts]
            missing = [f for f in flats if not os.path.exists(f)]
            if missing:
                sys.exit(f"LibreOffice wrote no .fodt for: {', '.join(missing)}")
            convert(flats, "docx:MS Word 2007 XML", folder, profile)
            print(f"{os.path.relpath(folder, ROOT)}: {len(texts)} texts → .fodt, .docx")
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    sys.exit(main())
