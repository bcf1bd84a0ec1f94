"""The only Streamlit-aware code outside pages/: the page guard, the cached engine, shared widgets."""
