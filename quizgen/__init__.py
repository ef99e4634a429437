"""quizgen: reading-comprehension quizzes from news articles, offline."""

__version__ = "0.1.0"
