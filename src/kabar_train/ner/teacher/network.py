"""multilingual-e5-small (a BERT encoder) with a tagging head, in PyTorch."""

from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import nn

from kabar.analyse.ner.labels import LABELS
from kabar_train.ner.teacher.weights import Config, E5File


class EncoderLayer(nn.Module):
    """Post-norm BERT layer: self-attention, then GELU feed-forward, each added back and normalised."""

    def __init__(self, config: Config):
        super().__init__()
        h = config.hidden
        self.heads = config.heads
        self.q, self.k, self.v, self.ao = (nn.Linear(h, h) for _ in range(4))
        self.aln = nn.LayerNorm(h, eps=config.eps)
        self.fi = nn.Linear(h, config.feed_forward)
        self.fo = nn.Linear(config.feed_forward, h)
        self.oln = nn.LayerNorm(h, eps=config.eps)

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        batch, length, hidden = x.shape

        def split(t: torch.Tensor) -> torch.Tensor:
            return t.view(batch, length, self.heads, hidden // self.heads).transpose(1, 2)

        context = F.scaled_dot_product_attention(split(self.q(x)), split(self.k(x)), split(self.v(x)), attn_mask=mask)
        x = self.aln(x + self.ao(context.transpose(1, 2).reshape(batch, length, hidden)))
        return self.oln(x + self.fo(F.gelu(self.fi(x))))


class E5Tagger(nn.Module):
    def __init__(self, config: Config, n_labels: int = len(LABELS), dropout: float = 0.1):
        super().__init__()
        h = config.hidden
        self.word = nn.Embedding(config.vocabulary, h)
        self.position = nn.Embedding(config.max_positions, h)
        self.token_type = nn.Parameter(torch.zeros(h))
        self.eln = nn.LayerNorm(h, eps=config.eps)
        self.layers = nn.ModuleList(EncoderLayer(config) for _ in range(config.layers))
        self.dropout = nn.Dropout(dropout)
        self.head = nn.Linear(h, n_labels)

    def encode(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """(batch, length) piece ids and a padding mask (True = real piece) → the last layer's states."""
        x = self.word(ids) + self.position(torch.arange(ids.shape[1])) + self.token_type
        x = self.dropout(self.eln(x))
        attention_mask = mask[:, None, None, :]
        for layer in self.layers:
            x = layer(x, attention_mask)
        return x

    def forward(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """Label logits per piece."""
        return self.head(self.dropout(self.encode(ids, mask)))


def from_e5(e5: E5File) -> E5Tagger:
    """The tagger with e5's encoder weights; the head starts untrained."""
    c = e5.config
    h, ff = c.hidden, c.feed_forward
    state = {
        "word.weight": e5.tensor("emb.word", (c.vocabulary, h)),
        "position.weight": e5.tensor("emb.pos", (c.max_positions, h)),
        "token_type": e5.tensor("emb.type", (2, h))[0],
        "eln.weight": e5.tensor("emb.ln.w", (h,)),
        "eln.bias": e5.tensor("emb.ln.b", (h,)),
    }
    for i in range(c.layers):
        for name, shape in (("q", (h, h)), ("k", (h, h)), ("v", (h, h)), ("ao", (h, h)), ("fi", (ff, h)), ("fo", (h, ff))):
            state[f"layers.{i}.{name}.weight"] = e5.tensor(f"l{i}.{name}.w", shape)
            state[f"layers.{i}.{name}.bias"] = e5.tensor(f"l{i}.{name}.b", (shape[0],))
        for name in ("aln", "oln"):
            state[f"layers.{i}.{name}.weight"] = e5.tensor(f"l{i}.{name}.w", (h,))
            state[f"layers.{i}.{name}.bias"] = e5.tensor(f"l{i}.{name}.b", (h,))
    model = E5Tagger(c)
    missing = model.load_state_dict({k: torch.from_numpy(v) for k, v in state.items()}, strict=False).missing_keys
    assert missing == ["head.weight", "head.bias"], missing
    return model


def mean_embedding(model: E5Tagger, ids: list[int]) -> torch.Tensor:
    """e5's own sentence embedding (mean of the last layer, L2-normalised; `model` in eval mode):
    checks the weights load right."""
    v = model.encode(torch.tensor([ids]), torch.ones(1, len(ids), dtype=torch.bool)).mean(1)[0]
    return v / v.norm()
