"""Runs ChannelAttribution on a CSV of paths and prints its figures as JSON.

Usage: python3 channelattribution.py PATHS.csv

Prints {"heuristic": {channel: {first_touch, last_touch, linear_touch}},
"markov": {channel: total_conversions}, "removal": {channel: removal_effect},
"seconds": time the Markov model took}.
"""

import json
import sys
import time

import pandas as pd
from ChannelAttribution import heuristic_models, markov_model

data = pd.read_csv(sys.argv[1])
heuristic = heuristic_models(data, "path", "total_conversions", flg_pro=False)
start = time.perf_counter()
markov = markov_model(
    data,
    "path",
    "total_conversions",
    var_null="total_null",
    out_more=True,
    verbose=0,
    flg_pro=False,
)
seconds = time.perf_counter() - start
print(
    json.dumps(
        {
            "heuristic": {
                row.channel_name: {
                    "first_touch": row.first_touch,
                    "last_touch": row.last_touch,
                    "linear_touch": row.linear_touch,
                }
                for row in heuristic.itertuples()
            },
            "markov": {
                row.channel_name: row.total_conversions
                for row in markov["result"].itertuples()
            },
            "removal": {
                row.channel_name: row.removal_effect
                for row in markov["removal_effects"].itertuples()
            },
            "seconds": seconds,
        }
    )
)
