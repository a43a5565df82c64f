from kabar.link.timeline import UNDATED, story_timeline
from kabar.records import Event
from tests.link.conftest import make


def test_timeline_flags_recalled_dates_as_background():
    article = make("p", "Kim dan Xi Bertukar Pesan", [
        "Kim Jong Un dan Xi Jinping bertukar pesan pada Minggu 11 Juli 2021 untuk memperingati perjanjian.",
        "Perjanjian persahabatan kedua negara ditandatangani pada tahun 1961 di Beijing."],
        published="2021-07-12", timexes=(("11 Juli 2021", "2021-07-11"), ("1961", "1961")))
    events = [Event("ev-1", ("p",), "2021-07-11", "Kim dan Xi Bertukar Pesan")]
    timeline = story_timeline(events, [article])
    assert [(t.date, t.background) for t in timeline] == [("1961", True), ("2021-07-11", False)]
    background = timeline[0]
    assert background.evidence[0].text.startswith("Perjanjian persahabatan")


def test_timeline_undated_events_come_last():
    events = [Event("b", ("x",), None, "Tanpa tanggal"), Event("a", ("y",), "2025-03-03", "Banjir")]
    timeline = story_timeline(events, [])
    assert [t.date for t in timeline] == ["2025-03-03", UNDATED]
