"""Charts on the PDF's pages as vector graphics, from the app's own Altair charts.

Each chart is the one a page of the app draws (smroi.charts, same arguments), written as a
one-page PDF by vl-convert (`vegalite_to_pdf`, the same spec as `chart_svg`), and placed
into the rectangle the layout kept for it with pypdf (as a form XObject): lines,
bars and text stay vector, so the chart prints sharp and its words can be searched. The
bundled DejaVu Sans is registered with vl-convert, so Persian titles and labels draw.
"""

from __future__ import annotations

import io
from functools import cache
from importlib.resources import files

import altair as alt
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
)

from smroi.charts._shared import _image_spec, _vl_version
from smroi.pdf.layout import Reserved

MM = 72 / 25.4  # points per millimetre
FONT_FAMILY = "DejaVu Sans"


@cache
def _register_fonts() -> None:
    """Tell vl-convert about the bundled fonts (once a process)."""
    import vl_convert as vlc

    vlc.register_font_directory(str(files("smroi") / "fonts"))


def chart_pdf(chart: alt.TopLevelMixin) -> bytes:
    """The chart as a one-page vector PDF, drawn without a browser."""
    import vl_convert as vlc

    _register_fonts()
    spec = _image_spec(chart)
    config = dict(spec.get("config") or {})
    config["font"] = FONT_FAMILY
    spec["config"] = config
    return bytes(vlc.vegalite_to_pdf(spec, vl_version=_vl_version()))


def chart_size(chart_bytes: bytes) -> tuple[float, float]:
    """A chart PDF's width and height, in points."""
    box = PdfReader(io.BytesIO(chart_bytes)).pages[0].mediabox
    return float(box.width), float(box.height)


def place_charts(document: bytes, placed: list[tuple[Reserved, bytes]]) -> bytes:
    """The document with each chart drawn into its kept rectangle, scaled to fit it.

    Each chart's page becomes a form XObject drawn with one `Do` (what
    `merge_transformed_page` makes of it too, without parsing every content stream
    again: a second saved on the sample's report)."""
    if not placed:
        return document
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(document)))
    for number, (place, chart_bytes) in enumerate(placed):
        page = writer.pages[place.page - 1]
        chart = PdfReader(io.BytesIO(chart_bytes)).pages[0]
        width, height = float(chart.mediabox.width), float(chart.mediabox.height)
        scale = min(place.width * MM / width, place.height * MM / height)
        left = place.left * MM + (place.width * MM - width * scale) / 2
        bottom = float(page.mediabox.height) - (place.top + place.height) * MM
        form = DecodedStreamObject()
        drawing = chart.get_contents()
        form.set_data(drawing.get_data() if drawing is not None else b"")
        form.update(
            {
                NameObject("/Type"): NameObject("/XObject"),
                NameObject("/Subtype"): NameObject("/Form"),
                NameObject("/BBox"): ArrayObject([FloatObject(value) for value in chart.mediabox]),
                NameObject("/Resources"): chart["/Resources"].clone(writer),
            }
        )
        name = NameObject(f"/SmroiChart{number}")
        resources = page["/Resources"].get_object()
        assert isinstance(resources, DictionaryObject)
        if "/XObject" not in resources:
            resources[NameObject("/XObject")] = DictionaryObject()
        forms = resources["/XObject"].get_object()
        assert isinstance(forms, DictionaryObject)
        forms[name] = writer._add_object(form)
        draw = DecodedStreamObject()
        draw.set_data(
            f"q {scale:.6f} 0 0 {scale:.6f} {left:.4f} {bottom:.4f} cm {name} Do Q\n".encode()
        )
        contents = page.raw_get("/Contents")
        streams = contents.get_object()
        if isinstance(streams, ArrayObject):
            streams.append(writer._add_object(draw))
        else:
            if not isinstance(contents, IndirectObject):
                contents = writer._add_object(contents)
            page[NameObject("/Contents")] = ArrayObject([contents, writer._add_object(draw)])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
