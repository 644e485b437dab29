"""smroi.group_sums: the group-bys' sums, checked by hand and against pandas' own group-by."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from smroi.group_sums import group_ids, row_values, summed_by


def _sums(frame: pd.DataFrame, by: list[str], columns: tuple[str, ...]) -> pd.DataFrame:
    found = group_ids([frame[column] for column in by])
    assert found is not None
    ids, groups = found
    values = row_values(frame, columns)
    return pd.DataFrame(summed_by(values, ids, len(groups)), index=groups, columns=list(columns))


def test_sums_per_group_by_hand() -> None:
    frame = pd.DataFrame(
        {
            "platform": pd.Categorical(["tiktok", "facebook", "tiktok", "facebook", "x"]),
            "spend": [10.0, 5.0, 2.5, float("nan"), float("nan")],
            "clicks": [1.0, 2.0, 3.0, 4.0, 5.0],
        }
    )
    sums = _sums(frame, ["platform"], ("spend", "clicks"))
    # groups in the categories' order: facebook, tiktok, x
    assert list(sums.index) == ["facebook", "tiktok", "x"]
    assert sums.loc["facebook", "spend"] == 5.0  # 5 + (blank)
    assert sums.loc["tiktok", "spend"] == 12.5  # 10 + 2.5
    assert math.isnan(sums.loc["x", "spend"])  # no row of x reports spend: undefined, not 0
    assert sums["clicks"].tolist() == [6.0, 4.0, 5.0]  # 2+4, 1+3, 5


def test_two_keys_keep_only_the_pairs_the_rows_have() -> None:
    frame = pd.DataFrame(
        {
            "platform": pd.Categorical(["a", "b", "a", "b"]),
            "campaign": pd.Categorical(["k1", "k2", "k2", "k2"]),
            "spend": [1.0, 2.0, 3.0, 4.0],
        }
    )
    sums = _sums(frame, ["platform", "campaign"], ("spend",))
    assert list(sums.index) == [("a", "k1"), ("a", "k2"), ("b", "k2")]  # no ("b", "k1")
    assert sums["spend"].tolist() == [1.0, 3.0, 6.0]


def test_a_key_with_missing_values_is_left_to_pandas() -> None:
    frame = pd.DataFrame({"platform": pd.Categorical(["a", None]), "spend": [1.0, 2.0]})
    assert group_ids([frame["platform"]]) is None


cells = st.one_of(st.none(), st.floats(-1e6, 1e6, allow_nan=False).map(lambda x: round(x, 2)))


@settings(max_examples=60, deadline=None)
@given(
    rows=st.lists(
        st.tuples(
            st.sampled_from(["facebook", "tiktok", "x", "google"]),
            st.sampled_from(["k1", "k2", "k3"]),
            st.booleans(),
            cells,
            cells,
        ),
        min_size=1,
        max_size=40,
    )
)
def test_the_same_sums_as_pandas_groupby(rows: list[tuple]) -> None:
    frame = pd.DataFrame(rows, columns=["platform", "campaign", "paid", "spend", "clicks"])
    frame = frame.astype({"platform": "category", "campaign": "category"})
    frame["paid"] = frame["paid"].map({True: "paid", False: "organic"})
    frame[["spend", "clicks"]] = frame[["spend", "clicks"]].astype("float64")
    for by in (["platform"], ["platform", "campaign"], ["paid"], ["campaign", "paid"]):
        ours = _sums(frame, by, ("spend", "clicks"))
        theirs = frame.groupby(by, observed=True, sort=True)[["spend", "clicks"]].sum(min_count=1)
        assert list(ours.index) == list(theirs.index)
        np.testing.assert_allclose(ours.to_numpy(), theirs.to_numpy(), rtol=1e-12, atol=1e-6)
