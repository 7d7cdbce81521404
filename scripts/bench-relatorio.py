"""The peer of `shufa build --kinds report --format odt` in shufa-bench: relatorio (Genshi templates for ODF).

Usage: bench-relatorio.py TEMPLATE.fodt ROSTER.json OUT_DIR

Writes a relatorio template (.odt) with the same content as shufa's report template — its styles, master
pages and paragraphs, the markers replaced by relatorio's directives — then renders one .odt report per
leader of the roster who has both 述职 and 述法 text, into OUT_DIR. The benchmark times the whole process.
"""
import json
import os
import re
import sys
import zipfile

from relatorio.templates.opendocument import Template

FIELDS = {"年度": "year", "署名": "signature", "述职内容": "duty", "述法内容": "law",
          "存在问题": "problems", "改进措施": "measures"}


def placeholder(directive):
    """A relatorio directive or expression, `<directive>`, as the placeholder field it is written in."""
    escaped = directive.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    return '<text:placeholder text:placeholder-type="text">&lt;%s&gt;</text:placeholder>' % escaped


def directive_paragraph(directive):
    return "<text:p>%s</text:p>" % placeholder(directive)


def convert_body(body):
    """shufa's markers as relatorio directives: sections over lists become <for>, conditions <if>."""
    out = []
    stack = []
    for line in body.splitlines():
        whole = re.fullmatch(r'(\s*<text:p [^>]*>)\{\{#(\w+)\}\}\{\{\.\}\}\{\{/\2\}\}(</text:p>)', line)
        alone = re.fullmatch(r'\s*<text:p [^>]*>\{\{([?/#^])(\w+)\}\}</text:p>', line)
        if whole:
            out.append(directive_paragraph('for each="item in o.%s"' % FIELDS[whole.group(2)]))
            out.append(whole.group(1) + placeholder("item") + whole.group(3))
            out.append(directive_paragraph("/for"))
        elif alone and alone.group(1) == "?":
            stack.append("if")
            out.append(directive_paragraph('if test="o.%s"' % FIELDS[alone.group(2)]))
        elif alone and alone.group(1) == "/":
            out.append(directive_paragraph("/" + stack.pop()))
        else:
            out.append(re.sub(r"\{\{(\w+)\}\}", lambda m: placeholder("o.%s" % FIELDS[m.group(1)]), line))
    return "\n".join(out)


def write_template(fodt, path):
    source = open(fodt, encoding="utf-8").read()
    root = re.search(r"<office:document (.*?)>", source, re.S).group(1)
    namespaces = " ".join(re.findall(r'xmlns:\w+="[^"]*"', root))
    part = lambda name: re.search(r"<office:%s>.*?</office:%s>" % (name, name), source, re.S).group(0)
    body = convert_body(part("body"))
    head = '<?xml version="1.0" encoding="UTF-8"?>\n'
    content = (head + '<office:document-content %s office:version="1.3">' % namespaces
               + part("font-face-decls") + part("automatic-styles") + body + "</office:document-content>")
    styles = (head + '<office:document-styles %s office:version="1.3">' % namespaces + part("font-face-decls")
              + part("styles") + part("automatic-styles") + part("master-styles") + "</office:document-styles>")
    meta = (head + '<office:document-meta %s office:version="1.3"><office:meta/></office:document-meta>' % namespaces)
    manifest = (head + '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
                ' manifest:version="1.3">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
                '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>")
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        for name, text in [("META-INF/manifest.xml", manifest), ("content.xml", content), ("styles.xml", styles),
                           ("meta.xml", meta)]:
            package.writestr(name, text, compress_type=zipfile.ZIP_DEFLATED)


class Leader:
    def __init__(self, record, year):
        self.year = str(year)
        self.signature = record["position"] + "\u3000" + record["name"]
        self.duty = record.get("duty") or []
        self.law = record.get("law") or ""
        self.problems = record.get("problems") or []
        self.measures = record.get("measures") or []


def main():
    fodt, roster_path, out = sys.argv[1:4]
    os.makedirs(out, exist_ok=True)
    template_path = os.path.join(out, "relatorio-report.odt")
    write_template(fodt, template_path)
    template = Template(source="", filepath=template_path)
    roster = json.load(open(roster_path, encoding="utf-8"))
    written = 0
    for record in roster["leaders"]:
        if not record.get("duty") or not record.get("law"):
            continue
        data = template.generate(o=Leader(record, roster["year"])).render().getvalue()
        with open(os.path.join(out, "%s-%s-述职述法报告.odt" % (record["id"], record["name"])), "wb") as f:
            f.write(data)
        written += 1
    print(written)


main()
