"""Baseline of the case study's own stack: FastAPI + uvicorn + a scikit-learn random forest trained on the
Kaggle symptom table (Training.csv), answering POST /predict {"symptoms": [...]}. Run with Debian's
/usr/bin/python3 (packages python3-fastapi python3-uvicorn python3-sklearn python3-pandas)."""
import os

import pandas as pd
from fastapi import FastAPI
from pydantic import BaseModel
from sklearn.ensemble import RandomForestClassifier

DATA = os.environ.get("DETECTA_DATA", os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "data"))
table = pd.read_csv(os.path.join(DATA, "kaggle-disease-symptom", "Training.csv"))
table = table.loc[:, ~table.columns.str.startswith("Unnamed")]
features = [c for c in table.columns if c != "prognosis"]
model = RandomForestClassifier(n_estimators=100, random_state=42).fit(table[features].values, table["prognosis"])
index = {name.strip(): i for i, name in enumerate(features)}

app = FastAPI()


class Symptoms(BaseModel):
    symptoms: list[str]


@app.post("/predict")
def predict(request: Symptoms):
    row = [0] * len(features)
    for s in request.symptoms:
        if s in index:
            row[index[s]] = 1
    probabilities = model.predict_proba([row])[0]
    best = probabilities.argsort()[::-1][:5]
    return {"candidates": [{"disease": model.classes_[i], "probability": float(probabilities[i])} for i in best]}
