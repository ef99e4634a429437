"""Canvas QTI 1.2 zip: package layout, validation against the IMS QTI ASI 1.2.1 DTD, items read back.

The XSD binding could not be obtained offline; ``schemas/ims_qtiasiv1p2p1.dtd`` (see
``schemas/SOURCES.md``) is the specification's DTD binding. The items are also compared, element by
element, with those text2qti (whose zips Canvas imports) writes for the same three question types.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from hypothesis import given, settings
from lxml import etree
from text2qti.config import Config
from text2qti.qti import QTI as Text2QTI
from text2qti.quiz import Quiz as Text2QTIQuiz

import strategies
from quizgen.export import qti
from readers import accepted, choices, expected, from_html

DTD = etree.DTD(str(Path(__file__).parent / "schemas" / "ims_qtiasiv1p2p1.dtd"))
QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
CP = "{http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1}"


def unpack(data: bytes) -> tuple[etree._Element, etree._Element]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.testzip() is None
        manifest = etree.fromstring(z.read("imsmanifest.xml"))
        href = manifest.find(f"{CP}resources/{CP}resource/{CP}file").get("href")
        assert sorted(z.namelist()) == sorted(["imsmanifest.xml", href])
        return manifest, etree.fromstring(z.read(href))


def without_namespaces(root: etree._Element) -> etree._Element:
    """A copy the DTD can check: a DTD knows no namespaces or xsi attributes."""
    root = etree.fromstring(etree.tostring(root))
    for el in root.iter():
        el.tag = etree.QName(el).localname
    for name in [n for n in root.attrib if "schemaLocation" in n]:
        del root.attrib[name]
    etree.cleanup_namespaces(root)
    return root


def assert_valid(assessment: etree._Element) -> None:
    assert DTD.validate(without_namespaces(assessment)), DTD.error_log.filter_from_errors()


def metadata(item: etree._Element) -> dict[str, str]:
    fields = item.iter(f"{QTI}qtimetadatafield")
    return {f.findtext(f"{QTI}fieldlabel"): f.findtext(f"{QTI}fieldentry") for f in fields}


def check_round_trip(document: dict, assessment: etree._Element) -> None:
    items = list(assessment.iter(f"{QTI}item"))
    assert len(items) == len(document["questions"])
    for q, item in zip(document["questions"], items):
        meta = metadata(item)
        prompt = item.findtext(f"{QTI}presentation/{QTI}material/{QTI}mattext")
        assert from_html(prompt) == expected(q["prompt"])
        right = [v.text for v in item.iter(f"{QTI}varequal")]
        if q["type"] == "true_false" or q.get("choices"):
            want = "true_false_question" if q["type"] == "true_false" else "multiple_choice_question"
            assert meta["question_type"] == want
            labels = list(item.iter(f"{QTI}response_label"))
            texts = [from_html(label.findtext(f"{QTI}material/{QTI}mattext")) for label in labels]
            assert texts == choices(q)
            assert meta["original_answer_ids"].split(",") == [label.get("ident") for label in labels]
            assert [texts[[label.get("ident") for label in labels].index(r)] for r in right] == [expected(q["answer"])]
        else:
            assert meta["question_type"] == "short_answer_question"
            assert [r.strip() for r in right] == accepted(q)
        feedback = item.findtext(f"{QTI}itemfeedback/{QTI}flow_mat/{QTI}material/{QTI}mattext")
        assert from_html(feedback or "") == expected(q["explanation"])


def test_package_layout_and_manifest(document):
    manifest, assessment = unpack(qti.export(document))
    resource = manifest.find(f"{CP}resources/{CP}resource")
    assert resource.get("type") == "imsqti_xmlv1p2"
    assert assessment.tag == f"{QTI}questestinterop"
    assert assessment.find(f"{QTI}assessment").get("title") == "Kim visits <factory> & more"


def test_assessment_is_valid_qti_1_2(document):
    assert_valid(unpack(qti.export(document))[1])


def test_every_question_round_trips(document):
    check_round_trip(document, unpack(qti.export(document))[1])


def test_export_is_reproducible(document):
    assert qti.export(document) == qti.export(document)


def _paths(item: etree._Element) -> set[str]:
    return {"/".join(etree.QName(a).localname for a in [*reversed(list(el.iterancestors())), el]
                     if etree.QName(a).localname not in {"questestinterop", "assessment", "section"})
            for el in item.iter()}


def test_items_have_the_structure_text2qti_gives_canvas(document):
    source = ("Quiz title: Demo\n\n1.  Who?\n... Because.\na)  A\n*b) B\nc)  C\n\n"
              "2.  Sky is green.\n... Because.\n*a) True\nb)  False\n\n3.  Capital?\n... Because.\n*   Paris\n*   paris\n")
    theirs = Text2QTI(Text2QTIQuiz(source, config=Config()))
    with zipfile.ZipFile(io.BytesIO(theirs.zip_bytes())) as z:
        name = next(n for n in z.namelist() if n.endswith(".xml") and "/" in n and "meta" not in n)
        their_items = list(etree.fromstring(z.read(name)).iter(f"{QTI}item"))
    mine = {metadata(i)["question_type"]: i for i in unpack(qti.export(document))[1].iter(f"{QTI}item")}
    for item in their_items:
        assert _paths(mine[metadata(item)["question_type"]]) == _paths(item)


@settings(max_examples=100, deadline=None)
@given(strategies.document())
def test_property_arbitrary_text_round_trips_and_validates(document):
    assessment = unpack(qti.export(document))[1]
    assert_valid(assessment)
    check_round_trip(document, assessment)
