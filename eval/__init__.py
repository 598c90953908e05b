"""Stage 4: the evaluation set, runners, metrics, reports and plots."""
