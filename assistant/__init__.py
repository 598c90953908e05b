"""Stage 3: retrieval, cited answers, safety, conversation, CLI and the Gradio UI."""
