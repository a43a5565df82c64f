"""Sparse rows kept on disk: a corpus's term counts written once, read back a window at a time.

Two flat files per matrix (values and column indices, appended as pages of articles arrive)
and the row offsets in memory (8 bytes an article). Reading maps the files only for the
copy of the rows asked for, so what stays resident is the window, not the corpus.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from scipy import sparse


class RowSpill:
    def __init__(self, directory: Path, name: str, columns: int) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self._data_path = directory / f"{name}.data.f32"
        self._index_path = directory / f"{name}.indices.i32"
        self._data = self._data_path.open("wb")
        self._indices = self._index_path.open("wb")
        self._offsets = [np.zeros(1, dtype=np.int64)]
        self._total = 0
        self.columns = columns

    @property
    def rows(self) -> int:
        return sum(len(o) for o in self._offsets) - 1

    def append(self, matrix: sparse.csr_matrix) -> None:
        matrix = matrix.tocsr()
        matrix.sort_indices()
        self._data.write(matrix.data.astype(np.float32, copy=False).tobytes())
        self._indices.write(matrix.indices.astype(np.int32, copy=False).tobytes())
        self._offsets.append(matrix.indptr[1:].astype(np.int64) + self._total)
        self._total += int(matrix.indptr[-1])

    def close(self) -> None:
        """Done writing: the files are flushed and the offsets joined into one array."""
        self._data.close()
        self._indices.close()
        self._offsets = [np.concatenate(self._offsets)]

    def read(self, rows: np.ndarray) -> sparse.csr_matrix:
        """The given rows, in the given order, as an in-memory CSR matrix."""
        offsets = self._offsets[0]
        rows = np.asarray(rows, dtype=np.int64)
        starts, lengths = offsets[rows], offsets[rows + 1] - offsets[rows]
        indptr = np.zeros(len(rows) + 1, dtype=np.int64)
        np.cumsum(lengths, out=indptr[1:])
        total = int(indptr[-1])
        if total == 0:
            return sparse.csr_matrix((len(rows), self.columns), dtype=np.float32)
        # position of every stored value to copy: each row's start, then consecutive
        where = np.repeat(starts - indptr[:-1], lengths) + np.arange(total, dtype=np.int64)
        data = np.memmap(self._data_path, dtype=np.float32, mode="r", shape=(self._total,))
        indices = np.memmap(self._index_path, dtype=np.int32, mode="r", shape=(self._total,))
        try:
            matrix = sparse.csr_matrix((data[where], indices[where], indptr), shape=(len(rows), self.columns))
        finally:
            del data, indices  # unmap: the pages read leave the process
        matrix.has_sorted_indices = True
        return matrix
