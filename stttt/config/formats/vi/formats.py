"""Vietnamese number format: Django's locale gives the separators but no grouping, so amounts printed with
`intcomma` came out as "5000000"; Vietnamese writes them in groups of three, "5.000.000 đồng"."""

NUMBER_GROUPING = 3
