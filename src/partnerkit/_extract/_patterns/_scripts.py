"""Organisation names in Cyrillic, Chinese and Japanese script."""

from __future__ import annotations

import re

from partnerkit._extract._patterns._units import RU_UNIT as _RU_UNIT
from partnerkit._extract._patterns._words import _RU_HEADS, Span, is_acronym_token

__all__: list[str] = []

_RU_ADJ = re.compile(r"[\w-]+(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ом|ем|ую|юю|ых|их|ыми|ими|ей)$")
_RU_GENITIVE = re.compile(r"[\w-]+(?:ии|ий|ых|их|ого|его|ой|ей|ов|ев|ства|ки|ры|ния|ний|ции|ций|ики|ы|и|а|я|ия)$")
# a collective head: "... вступил в ассоциацию университетов." keeps its one-word tail at a stop
_RU_COLLECTIVE = re.compile(r"(?:ассоциаци|союз|консорциум|альянс|федераци|сет[ьи])\w*$", re.IGNORECASE)
_RU_FEDERATION = re.compile(r"федераци", re.IGNORECASE)
# the particles inside an Arabic or European personal name ("Хамада бин Халифы", "Ибн Сины")
_RU_NAME_PARTICLES = frozenset(["бин", "ибн", "бен", "аль", "эль", "де", "ди", "да", "фон", "ван", "дер"])
_RU_PLACE_GENITIVE = re.compile(r"[А-ЯЁ][а-яё-]+(?:ии|ая|ы|и)\.?$")
_RU_VERBISH = re.compile(r"\w+(?:ет|ит|ют|ят|ут|ал|ил|ел|ла|ли|ло|ся|сь|ть|ти)$")
# A role noun ("Председателем ассоциации является ...", "Членом союза стал ...") is a person's title,
# not the first word of a name, though it is capitalised at the start of a sentence.
_RU_ROLE = re.compile(
    r"(?:председател|руководител|заместител|представител|ректор|проректор|президент|директор|декан|член|"
    r"секретар|министр|сотрудник|участник|партн[её]р|основател|учредител)(?:ь|я|ю|ем|е|и|ей|ям|ями|ях|а|у|ом|ы|ов)?$",
    re.IGNORECASE,
)
# Chinese.
_ZH_HEADS = re.compile(r"大学|学院|研究院|研究所|基金会|中心|协会|联盟|组织|署|使馆|部|委员会|公司|集团|学校")
_ZH_HEAD_END = re.compile(r"(?:大学|学院|研究院|研究所)$")
_ZH_BREAK = re.compile(
    r"[与和及、,，。；;:：“”《》「」()（）\s]|在|赴|于|同|向|是|为|由|将|的|了|对|并|也|还|等|签署|签订|揭牌|成立|举行|代表团|副校长|校长|"
    r"负责人|期间|根据|双方|之一|一行|围绕|互设|开展|设立|建立|举办|推进|个|"
    # verbs and adverbs that open a clause before a name ("代表团访问X大学", "武汉大学加入X联盟", "经教育部批准")
    r"访问|访|加入|率团|成为|正式|还有|出席|参观|拜会|会见|已是|此前|近日|批准|共建|领域|有关|经(?!济|贸|营|管|典|纬)|"
    # "将以X联盟为平台" (with X as ...), not "以色列" (Israel)
    r"以(?!色列)"
)

# a country before a transliterated name; not before the words of a name that holds the
# country ("新加坡国立大学", "俄罗斯人民友谊大学", "澳大利亚国立大学", "英国开放大学")
_ZH_COUNTRY = re.compile(
    r"(?:美国|英国|法国|德国|俄罗斯|意大利|西班牙|加拿大|澳大利亚|日本|韩国|新加坡|荷兰|瑞士|瑞典|比利时|芬兰|丹麦|挪威|"
    r"奥地利|爱尔兰|新西兰|以色列|巴西|墨西哥|阿根廷|印度尼西亚|印度|马来西亚|泰国|越南|哈萨克斯坦|乌兹别克斯坦|埃及|南非|"
    r"柬埔寨|缅甸|老挝|蒙古|菲律宾|吉尔吉斯斯坦|塔吉克斯坦|白俄罗斯|巴基斯坦|伊朗|土耳其|波兰|捷克|葡萄牙|智利|秘鲁|肯尼亚)"
    r"(?!国立|国家|人民|科学|科技|管理|国际|技术|理工|联邦|高等|师范|开放|大学|学院|研究|中央|天主教|皇家)"
)
_RU_NATIONALITY = re.compile(
    r"(?:финск|американск|китайск|российск|немецк|германск|французск|британск|английск|японск|корейск|индийск|"
    r"казахстанск|узбекск|итальянск|испанск|монгольск|вьетнамск|турецк|иранск|белорусск|европейск|азиатск|"
    r"зарубежн|иностранн|местн|ведущ|крупнейш|партнерск|партнёрск)\w*$",
    re.IGNORECASE,
)
_RU_EPONYM = re.compile(r" (?:им\.|имени) (?:[А-ЯЁ]\. ?){0,2}[А-ЯЁ][\w-]+")
_ZH_NAME_CHAR = re.compile(r"[\u3400-\u9fff—\-·.]")
# words of time or reference that open a clause right before a name, with no mark between them
# ("今年下半年西安交通大学还将", "目前联盟已有", "由两校工学院共同制定"): they end the name on the left
_ZH_WORD_BEFORE = re.compile(
    r"(?:今年|去年|明年|前年|本年|上半年|下半年|年初|年底|年内|目前|当前|日前|近日|近期|当天|当日|同日|次日|"
    r"上午|下午|晚上|随后|此后|今后|近年来?|本周|上周|下周|本月|上月|下月|两校|该校|本校|我校|各校)$"
)
# two fields joined inside one name ("布达佩斯技术与经济大学", "科学与技术学院"): a conjunction
# between field words is part of the name, not a break between two names
_ZH_FIELD = (
    r"(?:技术|科技|科学|工程|经济|管理|艺术|设计|人文|信息|工业|理工|政治|法律|政法|商业|商务|语言|文化|"
    r"医学|农业|贸易|财经|金融|传媒|体育|教育|社会|"
    # the natural sciences of academy institutes ("生态与地理研究所", "地理科学与资源研究所")
    r"生态|环境|地理|资源|能源|材料|化学|物理|生物|数学|地质|海洋|水利|电子|通信|计算机|交通|建筑)"
)
_ZH_FIELD_BEFORE = re.compile(_ZH_FIELD + r"$")
_ZH_FIELD_AFTER = re.compile(_ZH_FIELD)


def _find_ru(text: str, toks: tuple[tuple[int, int, str], ...], offset: int) -> list[Span]:
    out: list[Span] = []
    words = [t for t in toks if t[2][0].isalpha() or t[2][0] in '«"']
    n = len(words)
    for i, (s, e0, w0) in enumerate(words):
        stop = w0.endswith(".") and len(w0) > 4  # sentence stop glued to the head ("университет.")
        w, e = (w0[:-1], e0 - 1) if stop else (w0, e0)
        if not _RU_HEADS.match(w):
            continue
        # Left: capitalised first word and adjectives.
        j = i
        while (
            j > 0
            and _RU_ADJ.match(words[j - 1][2])
            and text[words[j - 1][1] : words[j][0]] == " "
            and not _RU_ROLE.match(words[j - 1][2])
        ):
            j -= 1
            if words[j][2][0].isupper():
                break
        left_ok = words[j][2][0].isupper() and j < i
        head_cap = w[0].isupper() or "-" in w
        # Right: "им. X. Y. Name", acronyms, genitive tails, "Университет ИТМО".
        k = i
        parent_at = -1  # where an acronym closing the name starts
        end = e
        tail = text[e:]
        m = _RU_EPONYM.match(tail)
        if m:
            end = e + m.end()
        else:
            while k + 1 < n and text[words[k][1] : words[k + 1][0]] == " ":
                nxt = words[k + 1][2]
                if (
                    nxt.endswith(".")
                    and nxt[:1].islower()
                    and _RU_GENITIVE.match(nxt[:-1])
                    and (k > i or _RU_COLLECTIVE.match(w))
                ):
                    k += 1  # "... науки и технологий." at the end of a sentence
                    end = words[k][1] - 1
                    break
                if is_acronym_token(nxt) or (nxt.rstrip(".").upper() in ("СНГ", "ШОС", "БРИКС")):
                    k += 1
                    end = words[k][1] - (1 if nxt.endswith(".") else 0)  # not the sentence stop
                    parent_at = words[k][0]
                    break
                if nxt[0].isupper() and w[0].isupper() and "-" not in w and k == i and not left_ok:
                    k += 1
                    end = words[k][1] - (1 if nxt.endswith(".") else 0)  # not the sentence stop
                    # "Университет Хамада бин Халифы": capitalised words joined by a name particle
                    while (
                        not nxt.endswith(".")
                        and k + 2 < n
                        and words[k + 1][2] in _RU_NAME_PARTICLES
                        and words[k + 2][2][0].isupper()
                        and text[words[k][1] : words[k + 2][0]] == f" {words[k + 1][2]} "
                    ):
                        k += 2
                        nxt = words[k][2]
                        end = words[k][1] - (1 if nxt.endswith(".") else 0)
                    continue
                if k > i and _RU_COLLECTIVE.match(w) and _RU_PLACE_GENITIVE.match(nxt):
                    k += 1  # "Ассоциация технических университетов России и Китая": places in the genitive
                    end = words[k][1] - (1 if nxt.endswith(".") else 0)
                    continue
                if (
                    (left_ok or head_cap)
                    and nxt[0].islower()
                    and (_RU_GENITIVE.match(nxt) or nxt in ("и", "наук"))
                    and not _RU_VERBISH.match(nxt)
                ):
                    after = words[k + 2][2] if k + 2 < n else ""
                    if nxt == "и" and not (
                        _RU_GENITIVE.match(after.rstrip("."))
                        and (
                            after[:1].islower()
                            or (k > i and _RU_COLLECTIVE.match(w) and _RU_PLACE_GENITIVE.match(after))
                        )
                    ):
                        break
                    k += 1
                    end = words[k][1]
                    continue
                break
            while k > i and words[k][2] == "и":
                k -= 1
                end = words[k][1]
        if left_ok and _RU_FEDERATION.match(w):
            continue  # "Российской Федерации": the country, not a federation of universities
        if not left_ok and not (head_cap and end > e):
            if not ("-" in w and w[0].isupper()):
                continue
            j = i
        if not left_ok:
            j = i  # lower-case words before a capitalised head ("членом Ассоциации ...") are not the name's
        start = words[j][0] if left_ok else s
        if start == s and not head_cap:
            continue
        if left_ok and j == i - 1 and end == e and _RU_NATIONALITY.match(words[j][2]):
            continue  # "Финский университет": a description ("a Finnish university"), not a name
        if parent_at > start and _RU_UNIT.match(text[start:end]):
            # "Институт международных отношений КФУ": a unit of the organisation its acronym names
            unit_end = parent_at - 1
            out.append(Span(start + offset, unit_end + offset, text[start:unit_end], "unit", "university"))
            continue
        out.append(Span(start + offset, end + offset, text[start:end], "name", "university"))
    return out


# Japanese: a sentence holding kana. Names are written in kanji and katakana ("東北大学",
# "チュラロンコン大学", "ジョンズ・ホプキンス大学"); hiragana (the particles は, と, が, の, を, に,
# で and verb endings) never is part of one, so it breaks a name as punctuation does. The Chinese
# one-character breaks are not used: they are parts of Japanese names ("同志社大学", "和歌山大学").
_KANA = re.compile(r"[\u3041-\u3096\u30a1-\u30fa]")
_JA_HEADS = re.compile(
    r"大学|学院|研究院|研究所|機構|財団|協会|学会|センター|コンソーシアム|アライアンス|ネットワーク|連合|協議会"
)
# a head after words that only describe ("共同研究センター", "国際交流センター"): a common noun, no name
_JA_GENERIC = re.compile(r"(?:共同|国際|連携|合同|研究|教育|交流|海外|学術|新|大学|地域)+")
_JA_NAME_CHAR = re.compile(r"[\u3400-\u9fff\u30a1-\u30fa\u30fb\u30fc\-]")
_JA_BREAK = re.compile(
    r"[\u3041-\u3096、。，,「」『』（）()・\s]|"
    # a reference before a head, not a name ("同大学", "両大学", "各大学": "the said", "both", "each")
    r"[同両各](?=大学|校|研究所|機構|センター|機関)"
)
# words that stand right before a name without a particle ("本学東北大学", "締結東北大学")
_JA_WORD_BEFORE = re.compile(r"(?:本学|及び|並びに|締結|調印|署名|開設|設置|加盟|訪問|総長|学長|理事長)$")

# A name may open with hiragana ("お茶の水女子大学", "はこだて未来大学", "つくば国際大学"): the words
# back to a punctuation mark, the end of an earlier name or a particle that ends a clause word.
_JA_HIRAGANA = re.compile(r"[\u3041-\u3096]")
_JA_CHUNK_STOP = re.compile(r"[、。，,「」『』（）()\s]|大学|学院|研究所|機構|センター|本学|及び")
_JA_PARTICLE = re.compile(r"(?:から|まで|より|と|の|は|が|を|に|で|や|も|へ)")
_JA_PUNCT = re.compile(r"[、。，,「」『』（）()\s]")
_JA_KANJI_OR_KATAKANA = re.compile(r"[\u3400-\u9fff\u30a1-\u30fa]")
_JA_CHUNK = 10
_JA_NOT_NAME_END = frozenset("にはがをとでもへやたるいしずの")


def _ja_kana_start(text: str, start: int) -> int:
    """Where a Japanese name that meets hiragana at ``start`` - 1 begins: the clause word before it
    when that word opens with hiragana and holds a kanji or katakana ("お茶の水女子大学": お茶の水女子;
    "東北大学とつくば国際大学": つくば国際, after the particle と), not a particle, demonstrative or
    quantifier ("この大学", "すべての国立大学", "あらゆる大学"); else ``start`` unchanged. A particle
    after a word is never the name's ("東北大学とドイツの工科大学"); at the start of the text or
    after punctuation the name may open with its kana ("はこだて未来大学")."""
    lo = start - 1
    while lo > 0 and start - lo < _JA_CHUNK:
        stop = next((m for m in _JA_CHUNK_STOP.finditer(text, max(0, lo - 3), lo) if m.end() == lo), None)
        if stop is not None:
            break
        lo -= 1
    if lo > 0 and start - lo >= _JA_CHUNK:
        return start  # no boundary near: a long run of hiragana is a clause, not a name
    if lo > 0 and not _JA_PUNCT.match(text, lo - 1) and (particle := _JA_PARTICLE.match(text, lo)) is not None:
        # after a word, a particle opens the run ("東北大学とつくば国際大学", "...大学とドイツの"): it
        # is no part of the name; after punctuation or at the start the name may open with one
        lo = particle.end()
    word = text[lo:start]
    if not _JA_HIRAGANA.match(word) or not all(_JA_NAME_CHAR.match(c) or _JA_HIRAGANA.match(c) for c in word):
        return start
    if any(map(_JA_KANJI_OR_KATAKANA.match, word)):
        no = word.find("の")  # "お茶の水": a name's own の follows a kanji
        return lo if no < 0 or any(map(_JA_KANJI_OR_KATAKANA.match, word[:no])) else start
    # all hiragana: a place written so ("つくば", "はこだて"), not a particle, a demonstrative or an
    # ending ("この", "さらに", "すべての", "あらゆる")
    return lo if len(word) >= 3 and word[-1] not in _JA_NOT_NAME_END else start


# what ends any name, even a company's: punctuation and the conjunctions between two names
_ZH_HARD_BREAK = re.compile(r"[与和及、,，。；;:：“”《》「」()（）\s]")


def _company_start(text: str, start: int) -> int:
    """A company's trade name may hold a function character ("华为技术有限公司"): one such
    character with one or two name characters before it, themselves after a break, is the
    name's, not a break ("与华为技术有限公司" is 华为's, not 技术有限公司's)."""
    at = start - 1
    if at < 1 or _ZH_HARD_BREAK.match(text, at) or not _ZH_NAME_CHAR.match(text[at]):
        return start
    first = at
    while (
        first > 0 and at - first < 2 and _ZH_NAME_CHAR.match(text[first - 1]) and not _ZH_BREAK.match(text, first - 1)
    ):
        first -= 1
    if first < at and (first == 0 or _ZH_BREAK.match(text, first - 1)):
        return first
    return start


def _find_zh(text: str, offset: int) -> list[Span]:
    """Chinese names by their head word; Japanese ones when the sentence holds kana."""
    ja = _KANA.search(text) is not None
    heads, name_char, brk = (_JA_HEADS, _JA_NAME_CHAR, _JA_BREAK) if ja else (_ZH_HEADS, _ZH_NAME_CHAR, _ZH_BREAK)
    out: list[Span] = []
    for m in heads.finditer(text):
        end = m.end()
        # extend to the longest head ending here ("研究所" inside "...研究所")
        start = m.start()
        while start > 0 and name_char.match(text[start - 1]):
            if ja:
                # "ジョンズ・ホプキンス大学": a middle dot between katakana is part of the name
                dot = text[start - 1] == "・" and start > 1 and "\u30a1" <= text[start - 2] <= "\u30fa"
                if (brk.match(text, start - 1) and not dot) or _JA_WORD_BEFORE.search(text, max(0, start - 3), start):
                    break
                start -= 1
                continue
            if (
                text[start - 1] in "与和及"
                and _ZH_FIELD_AFTER.match(text, start)
                and _ZH_FIELD_BEFORE.search(text, max(0, start - 5), start - 1)
            ):
                start -= 1  # "技术与经济大学": two fields of one name
                continue
            if (
                _ZH_BREAK.match(text, start - 1)
                or (start > 1 and _ZH_BREAK.fullmatch(text[start - 2 : start]))
                or _ZH_WORD_BEFORE.search(text, max(0, start - 4), start)
            ):
                break
            if text[start - 1] in "—-" and _ZH_HEAD_END.search(text, 0, start - 1):
                break  # "浙江大学—帝国理工学院联合实验室": two names joined by a dash, not one
            start -= 1
        if ja and 0 < start < m.start() and _JA_HIRAGANA.match(text, start - 1):
            start = _ja_kana_start(text, start)  # "お茶の水女子大学": a name opening with hiragana
        if text.endswith("有限公司", 0, end):
            start = _company_start(text, start)
        if end - start < 4:
            continue
        if ja and (start == m.start() or _JA_GENERIC.fullmatch(text, start, m.start())):
            continue  # a head alone ("同センター") or after describing words only: no name
        pre = None if ja else _ZH_COUNTRY.match(text, start, end)
        if pre is not None and end - pre.end() >= 4:
            start = pre.end()  # "美国密歇根大学": the country is a hint, not part of the name
        out.append(Span(start + offset, end + offset, text[start:end], "name", "university"))
    # keep the longest span per start; drop spans nested in a longer one
    out.sort(key=lambda s: (s.start, -s.end))
    merged: list[Span] = []
    for span in out:
        if merged and span.start < merged[-1].end:
            if span.end > merged[-1].end and span.start == merged[-1].start:
                merged[-1] = span
            elif span.end > merged[-1].end:
                merged[-1] = Span(
                    merged[-1].start,
                    span.end,
                    text[merged[-1].start - offset : span.end - offset],
                    "name",
                    "university",
                )
            continue
        merged.append(span)
    return merged
