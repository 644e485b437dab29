"""Sums of the priced rows per group, quick on a million rows (the group-bys of smroi.metrics).

pandas' group-by sums each column on its own and works out the groups again each time. A
dashboard sums the same twenty columns over eight groupings on every rerun, so here the
columns are laid out once as one block of numbers (`RowValues`, missing cells as 0 with a
note of which are known), each grouping becomes a group number per row (`group_ids`), and
all columns are added up per group at once, as the product of a sparse matrix
(one 1 per row, in its group's line) and that block. The results are pandas' own:
groups in the order of `groupby(sort=True, observed=True)`, NaN where no row of a group
reports the value (`sum(min_count=1)`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse

# Above this many possible key combinations the groups are found by sorting the rows'
# combined keys rather than by a lookup table of every combination.
LOOKUP_LIMIT = 4_000_000


@dataclass(frozen=True)
class RowValues:
    """The rows' summed columns as one block of numbers, and which cells are known."""

    columns: tuple[str, ...]
    # rows x (columns + gaps): each column's values (a missing cell as 0), then, for each
    # column with gaps (numbered in `gaps`), 1.0 where its cell is known; row by row in
    # memory, so that one pass over the rows adds every column up
    block: np.ndarray
    gaps: tuple[int, ...]


def row_values(rows: pd.DataFrame, columns: tuple[str, ...]) -> RowValues:
    """The columns of `rows` laid out once for many group-bys."""
    arrays = [rows[column].to_numpy(dtype="float64") for column in columns]
    missing = {number: np.isnan(array) for number, array in enumerate(arrays)}
    gaps = tuple(number for number, cells in missing.items() if cells.any())
    # filled column by column (each written in one run), then turned row by row in one copy
    # (writing a row-by-row block column by column is three times slower)
    block = np.empty((len(rows), len(columns) + len(gaps)), dtype="float64", order="F")
    for number, array in enumerate(arrays):
        block[:, number] = np.where(missing[number], 0.0, array) if number in gaps else array
    for place, number in enumerate(gaps):
        block[:, len(columns) + place] = ~missing[number]
    return RowValues(columns, np.ascontiguousarray(block), gaps)


def _key_codes(key: pd.Series) -> tuple[np.ndarray, pd.Series | pd.Index, object]:
    """A key's code per row (-1: missing), and its values in the order a sorted group-by
    gives them: a categorical key in its categories' order, any other sorted."""
    if isinstance(key.dtype, pd.CategoricalDtype):
        return key.cat.codes.to_numpy(dtype="int64"), key.cat.categories, key.dtype
    codes, uniques = pd.factorize(key, sort=True, use_na_sentinel=True)
    return codes.astype("int64"), uniques, None


def group_ids(keys: list[pd.Series]) -> tuple[np.ndarray, pd.Index] | None:
    """Each row's group number (0, 1, … in the sorted order of the groups), and the groups as
    the index a pandas group-by would give; None when a key has missing values or the
    keys have too many combinations to number (then pandas does the work)."""
    parts = [_key_codes(key) for key in keys]
    combined = np.zeros(len(keys[0]) if keys else 0, dtype="int64")
    size = 1
    for codes, uniques, _dtype in parts:
        if len(codes) and codes.min() < 0:
            return None
        size *= max(len(uniques), 1)
        if size > 2**62:
            return None
        combined = combined * max(len(uniques), 1) + codes
    if size <= LOOKUP_LIMIT:
        present = np.flatnonzero(np.bincount(combined, minlength=size))
        lookup = np.empty(size, dtype="int64")
        lookup[present] = np.arange(len(present))
        ids = lookup[combined]
    else:
        present, ids = np.unique(combined, return_inverse=True)
    arrays = []
    for codes_uniques, divisor in zip(parts, _divisors(parts), strict=True):
        _codes, uniques, dtype = codes_uniques
        level_codes = (present // divisor) % max(len(uniques), 1)
        if dtype is not None:
            arrays.append(pd.Categorical.from_codes(level_codes, dtype=dtype))
        else:
            arrays.append(pd.Index(uniques).take(level_codes))
    names = [key.name for key in keys]
    if len(arrays) == 1:
        return ids, pd.Index(arrays[0], name=names[0])
    return ids, pd.MultiIndex.from_arrays(arrays, names=names)


def _divisors(parts: list[tuple[np.ndarray, object, object]]) -> list[int]:
    """What each key's code is multiplied by in the combined key."""
    divisors = []
    product = 1
    for _codes, uniques, _dtype in reversed(parts):
        divisors.append(product)
        product *= max(len(uniques), 1)  # type: ignore[arg-type]
    return divisors[::-1]


def summed_by(values: RowValues, ids: np.ndarray, groups: int) -> np.ndarray:
    """Each column summed per group (groups x columns); NaN where no row of the group
    reports it."""
    rows = len(ids)
    # one 1 per row, in its group's line: multiplied by the block, every column's sum per
    # group in one pass over the rows
    membership = sparse.csc_matrix((np.ones(rows), ids, np.arange(rows + 1)), shape=(groups, rows))
    summed = np.asarray(membership @ values.block)
    sums = summed[:, : len(values.columns)].copy()
    for place, number in enumerate(values.gaps):
        sums[summed[:, len(values.columns) + place] == 0, number] = np.nan
    return sums
