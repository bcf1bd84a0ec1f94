"""The one-page visual PDF: plain content in (:mod:`.content`), PDF bytes out (:func:`render_onepager`)."""

from lib.onepager.content import ActionLine, CommentLine, CompetencyBar, OnePagerData, Point
from lib.onepager.render import plan_onepager, render_onepager
from lib.onepager.sample import sample_onepager_data

__all__ = [
    "ActionLine",
    "CommentLine",
    "CompetencyBar",
    "OnePagerData",
    "Point",
    "plan_onepager",
    "render_onepager",
    "sample_onepager_data",
]
