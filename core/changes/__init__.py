"""The change log of public content (issue 20): what was published, updated or withdrawn."""
