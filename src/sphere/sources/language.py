"""A cheap built-in language check: is this text English, or clearly some other language?

It needs no model. Letters of a non-Latin script name the language outright (Chinese, Russian, ...);
for Latin text it counts very common function words of English and of the other big news languages.
Text is rejected only on positive evidence: a non-Latin script for most letters, or clearly more
function words of one other language than of English. Short texts, headlines and English tables of
figures (Reuters earnings reports) have few function words of any language and pass.
"""

from __future__ import annotations

import re
import unicodedata

SAMPLE_CHARS = 20_000
MIN_FOREIGN_WORDS = 4  # fewer function words of another language than this proves nothing
FOREIGN_RATIO = 2.0  # another language must have this many times English's function words
MAX_SCRIPT_SHARE = 0.5  # share of letters in a non-Latin script above which the text is not English


def words(text: str) -> frozenset[str]:
    """A set of words written as one space-separated string (word lists read better that way)."""
    return frozenset(text.split())


# Words of English are dropped from the other lists, so a word counts for English or for others, not both.
ENGLISH = words(
    "the and of to is was that for with on are it by as be have has from this which at or not will said "
    "their were been its would they he she we an but had more than there after about who could should "
    "what when been into our his her them these those can also then out up over because while"
)
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "Spanish": words(
        "de el la los las del que y en por con una para es se su al lo como más pero sus le ya fue este ha "
        "porque esta entre cuando muy sin sobre también hasta hay donde desde todo nos durante todos uno "
        "les ni contra otros ese eso ante ellos esto antes algunos qué unos otro otras otra él según "
        "dijo está están había son años gobierno"
    ),
    "Portuguese": words(
        "de os da do das dos que em um uma para com não na por mais foi ao ele tem à seu sua ou ser quando "
        "muito há nos já está também só pelo pela até isso ela entre era depois sem mesmo aos ter seus "
        "quem nas esse eles estão você foram essa num nem suas às pelos elas havia seja qual será nós "
        "lhe deles essas esses pelas fosse dele disse anos governo"
    ),
    "French": words(
        "de le la les des du et est un une que qui dans pour pas sur au avec ce il elle ne se sont par plus "
        "ont aux cette mais ou été être nous vous leur ils sa ses même aussi lui fait entre était comme "
        "selon après deux ans gouvernement"
    ),
    "German": words(
        "der die das und ist nicht ein eine zu den von mit sich des auf für im dem auch es als werden "
        "wird bei nach aus wie oder sie er wir noch nur um über hat sind war vor zur zum dass einen "
        "einer kann aber wenn jahr regierung"
    ),
    "Italian": words(
        "il di che è e la per un una del della non sono con si da al le dei nel alla delle gli anche "
        "come più ma ha questo essere degli nella ed tra suo sua loro stato hanno anni governo"
    ),
    "Dutch": words(
        "de het een van en dat op te zijn voor met niet aan er maar om ook als bij dan nog wordt worden "
        "naar uit door werd heeft hebben deze tot wel geen kan zij ze hij ik je jaar regering"
    ),
}
FUNCTION_WORDS = {language: vocabulary - ENGLISH for language, vocabulary in FUNCTION_WORDS.items()}

# Unicode name prefixes of scripts -> the language named in the message (the most likely one).
SCRIPTS: dict[str, str] = {
    "CJK": "Chinese",
    "HIRAGANA": "Japanese",
    "KATAKANA": "Japanese",
    "HANGUL": "Korean",
    "CYRILLIC": "Russian",
    "ARABIC": "Arabic",
    "HEBREW": "Hebrew",
    "GREEK": "Greek",
    "DEVANAGARI": "Hindi",
    "THAI": "Thai",
    "BENGALI": "Bengali",
    "TAMIL": "Tamil",
    "GEORGIAN": "Georgian",
    "ARMENIAN": "Armenian",
}
_WORD = re.compile(r"(?<!\w)[^\W\d_]+(?!\w)")  # words of letters only: "17un" is no word


def _script_language(letters: str) -> str | None:
    """The language of the non-Latin script most letters are in, if most letters are non-Latin."""
    counts: dict[str, int] = {}
    for ch in letters:
        if ch.isascii():
            continue
        name = unicodedata.name(ch, "")
        for prefix, language in SCRIPTS.items():
            if name.startswith(prefix):
                counts[language] = counts.get(language, 0) + 1
                break
    total = sum(counts.values())
    if not total or total <= MAX_SCRIPT_SHARE * len(letters):
        return None
    if "Japanese" in counts:  # kana among Han characters: Japanese, not Chinese
        return "Japanese"
    return max(counts, key=lambda language: counts[language])


def guess_language(text: str) -> str | None:
    """The name of the language `text` is clearly in, if that is not English; else None."""
    sample = text[:SAMPLE_CHARS]
    words = _WORD.findall(sample.lower())
    script = _script_language("".join(words))
    if script is not None:
        return script
    english = sum(1 for word in words if word in ENGLISH)
    best, best_count = None, 0
    for language, vocabulary in FUNCTION_WORDS.items():
        count = sum(1 for word in words if word in vocabulary)
        if count > best_count:
            best, best_count = language, count
    if best_count >= MIN_FOREIGN_WORDS and best_count > FOREIGN_RATIO * english:
        return best
    return None
