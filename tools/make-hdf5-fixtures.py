#!/usr/bin/env python3
"""Writes the HDF5 test files of packages/trainer/test-data with h5py, an
HDF5 writer independent of the reader under test, next to .npy copies of
the same arrays. Run from the repository root; needs h5py and numpy."""
import h5py
import numpy as np

rng = np.random.default_rng(7)
out = "packages/trainer/test-data"
samples = rng.normal(size=(40, 2, 2))

# One float64 dataset, contiguous: the file's only dataset.
with h5py.File(f"{out}/single.h5", "w") as f:
    f.create_dataset("samples", data=samples)
np.save(f"{out}/single.npy", samples)

# Several datasets: float32, chunked and gzip-compressed, inside a group.
with h5py.File(f"{out}/several.h5", "w") as f:
    f.create_dataset("runs/hot", data=samples.astype(np.float32).reshape(40, 4), chunks=(8, 4), compression="gzip")
    f.create_dataset("runs/cold", data=np.zeros((3, 4)))
    f.create_dataset("labels", data=np.arange(40, dtype=np.int64))
np.save(f"{out}/several-hot.npy", samples.astype(np.float32).reshape(40, 4))
