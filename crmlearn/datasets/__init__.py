"""The course's datasets (placeholder: the loader is being written)."""
def list_datasets():
    raise NotImplementedError
def load_dataset(name):
    raise NotImplementedError
def describe_dataset(name):
    raise NotImplementedError
