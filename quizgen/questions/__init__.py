"""Question generators: each module turns parsed sentences into candidate questions.

Every generator module has ``generate(sentence, context) -> list[Candidate]``;
``quizgen.pipeline`` runs them in turn.
"""
