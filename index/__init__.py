"""Stage 2: chunks with stable ids, embeddings, the Chroma store and the lexical index."""
