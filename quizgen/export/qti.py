"""Canvas QTI 1.2 package: a **zip** (binary) holding ``imsmanifest.xml`` and one assessment.

Items are ``multiple_choice_question``, ``true_false_question`` and ``short_answer_question`` as
Canvas exports and imports them (the layout text2qti writes); a fill-in is multiple choice when it has
choices, short answer otherwise. The explanation is each item's general feedback. Import in Canvas
with Settings > Import Course Content > QTI .zip file.
"""

from __future__ import annotations

import hashlib
import io
import zipfile

from lxml import etree

from quizgen.export.common import accepted, choices, clean, html_text, quiz_title

QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
CP_NS = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
CANVAS_TYPES = {"multiple_choice": "multiple_choice_question", "true_false": "true_false_question"}


def _sub(parent, tag: str, text: str | None = None, **attrs):
    el = etree.SubElement(parent, f"{{{QTI_NS}}}{tag}", {k: str(v) for k, v in attrs.items()})
    if text is not None:
        el.text = text
    return el


def _material(parent, fragment: str) -> None:
    _sub(_sub(parent, "material"), "mattext", f"<p>{fragment}</p>", texttype="text/html")


def _metadata(parent, fields: dict[str, str]) -> None:
    meta = _sub(parent, "qtimetadata")
    for label, entry in fields.items():
        field = _sub(meta, "qtimetadatafield")
        _sub(field, "fieldlabel", label)
        _sub(field, "fieldentry", entry)


def _item(section, ident: str, number: int, q: dict) -> None:
    options = choices(q)
    qtype = CANVAS_TYPES.get(q["type"], "multiple_choice_question" if options else "short_answer_question")
    labels = [f"{ident}_c{i}" for i in range(1, len(options) + 1)]
    item = _sub(section, "item", ident=ident, title=f"Question {number}")
    fields = {"question_type": qtype, "points_possible": "1"}
    if options:
        fields["original_answer_ids"] = ",".join(labels)
    _metadata(_sub(item, "itemmetadata"), fields)
    presentation = _sub(item, "presentation")
    _material(presentation, html_text(q["prompt"]))
    if options:
        render = _sub(_sub(presentation, "response_lid", ident="response1", rcardinality="Single"), "render_choice")
        for label, option in zip(labels, options):
            _material(_sub(render, "response_label", ident=label), html_text(option))
    else:
        fib = _sub(_sub(presentation, "response_str", ident="response1", rcardinality="Single"), "render_fib")
        _sub(fib, "response_label", ident="answer1", rshuffle="No")
    processing = _sub(item, "resprocessing")
    _sub(_sub(processing, "outcomes"), "decvar", maxvalue=100, minvalue=0, varname="SCORE", vartype="Decimal")
    explanation = html_text(q.get("explanation"))
    if explanation:
        general = _sub(processing, "respcondition", **{"continue": "Yes"})
        _sub(_sub(general, "conditionvar"), "other")
        _sub(general, "displayfeedback", feedbacktype="Response", linkrefid="general_fb")
    right = _sub(processing, "respcondition", **{"continue": "No"})
    condition = _sub(right, "conditionvar")
    if options:
        answer = clean(q["answer"]).strip()
        for label, option in zip(labels, options):
            if option.strip() == answer:
                _sub(condition, "varequal", label, respident="response1")
    else:
        for a in accepted(q):
            _sub(condition, "varequal", a, respident="response1")
    _sub(right, "setvar", "100", action="Set", varname="SCORE")
    if explanation:
        _material(_sub(_sub(item, "itemfeedback", ident="general_fb"), "flow_mat"), explanation)


def assessment(document: dict, ident: str) -> bytes:
    """The QTI ``questestinterop`` document of the quiz."""
    root = etree.Element(f"{{{QTI_NS}}}questestinterop", nsmap={None: QTI_NS, "xsi": XSI})
    root.set(f"{{{XSI}}}schemaLocation", f"{QTI_NS} http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd")
    test = _sub(root, "assessment", ident=ident, title=quiz_title(document))
    _metadata(test, {"cc_maxattempts": "1"})
    section = _sub(test, "section", ident="root_section")
    for number, q in enumerate(document["questions"], 1):
        _item(section, f"{ident}_q{number}", number, q)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def manifest(ident: str, href: str) -> bytes:
    """The IMS content-package manifest naming the one assessment file."""
    root = etree.Element(f"{{{CP_NS}}}manifest", nsmap={None: CP_NS}, identifier=f"{ident}_manifest")
    meta = etree.SubElement(root, f"{{{CP_NS}}}metadata")
    etree.SubElement(meta, f"{{{CP_NS}}}schema").text = "IMS Content"
    etree.SubElement(meta, f"{{{CP_NS}}}schemaversion").text = "1.1.3"
    etree.SubElement(root, f"{{{CP_NS}}}organizations")
    resources = etree.SubElement(root, f"{{{CP_NS}}}resources")
    resource = etree.SubElement(resources, f"{{{CP_NS}}}resource", identifier=ident, type="imsqti_xmlv1p2")
    etree.SubElement(resource, f"{{{CP_NS}}}file", href=href)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def export(document: dict) -> bytes:
    """The quiz as a Canvas QTI 1.2 zip (binary)."""
    prompts = "\n".join(clean(q.get("prompt")) for q in document["questions"])
    ident = "quizgen_" + hashlib.sha256(prompts.encode("utf-8")).hexdigest()[:16]
    href = f"{ident}/{ident}.xml"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in (("imsmanifest.xml", manifest(ident, href)), (href, assessment(document, ident))):
            z.writestr(zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)
    return out.getvalue()
