"""nlp-id's POS corpus (kumparan news, MIT: LICENSE.nlp-id.txt), vendored for Kabar's POS tagger
(python -m kabar.analyse.ner.pos --out DIR) and as unlabelled text for the NER word clusters."""
