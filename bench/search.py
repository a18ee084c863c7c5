"""Chinese full-text search over a big library: 10,000 cases and 200,000 texts of evidence.

Builds the search tables (casefile.core.search.store, the same code ingest and reindex use:
tokenizing, the docs and FTS5 rows, one transaction a case) of N cases — each case's fields
(title, parties with phone numbers, order, waybill, demands, facts, timeline) — and M texts of
their evidence (chat exports, e-mails, PDF pages, OCR text: realistic Chinese made from
consumer-dispute phrases, with order, waybill and phone numbers), and reports the build rate in
texts a second. The texts are given to the tables directly: reading files is not what is
measured here (bench/ingest.py times ``casefile add``).

Then times :func:`casefile.core.search.query.search` in one process, as the app's search box and
``casefile search`` call it (the first page of 50 hits with their snippets, and the total), for
queries of one, two and four Chinese characters and for numbers (a whole phone number, a
phone's last four digits, a waybill, an order number), each run ``--runs`` times: min / median
/ max milliseconds. The goal is a median under 100 ms for each.

And ``casefile search`` as a whole command on the same tables (start-up included; the library
holds the tables only, no case folders), min / median / max of ``--runs`` processes.

    tools/dev bench search [--cases 10000] [--items 200000] [--runs 15]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.harness import CASEFILE, run  # noqa: E402
from casefile.core.library import Library  # noqa: E402
from casefile.core.search.query import search  # noqa: E402
from casefile.core.search.store import SEARCH_PATH, Doc, SearchIndex  # noqa: E402

CACHE = Path(__file__).resolve().parent / ".cache"

PHRASES = [
    "你好，我上周在你们店买的手机屏幕碎了",
    "收到快递的时候外包装是完好的",
    "开箱视频我已经拍了，可以发给你们看",
    "亲，麻烦提供一下订单号和开箱视频",
    "我们这边申请了仅退款，但商家一直不处理",
    "七天无理由退货为什么被拒绝",
    "客服说要等质检结果出来才能退款",
    "快递员没有送货上门，直接放在了快递柜",
    "发票上的金额和实际支付的不一致",
    "商品存在质量问题，要求退一赔三",
    "已经超过四十八小时没有回复了",
    "请问运费险能不能报销来回运费",
    "物流信息显示已签收，但我本人并没有收到",
    "保价金额是两千元，快递公司只愿意赔三百",
    "耳机左边没有声音，充电盒也充不进电",
    "检测报告显示主板进水，不在保修范围内",
    "消费者协会已经受理了我的投诉",
    "调解的时候商家同意退还货款",
    "我要求商家赔偿误工费和交通费",
    "这是我和客服的聊天记录截图",
    "冰箱送来的时候门是凹进去的",
    "洗衣机安装以后漏水，把楼下的天花板泡了",
    "直播间里说是正品，收到的却是仿冒品",
    "会员卡余额不给退，店已经关门了",
]
NAMES = ["张三", "李四", "王五", "赵敏", "陈晓东", "刘芳", "周杰", "吴磊", "郑洁", "孙丽"]
SHOPS = ["某某数码旗舰店", "优选家电专营店", "天天生鲜超市", "潮流服饰店", "安心母婴店"]
CARRIERS = ["顺丰速运", "中通快递", "圆通速递", "京东物流", "邮政EMS"]
KINDS = ["chat", "chat", "email", "pdf-text", "ocr"]
START = datetime(2026, 1, 1, tzinfo=UTC)


def phone(i: int) -> str:
    return f"13{(i * 7919) % 10**9:09d}"


def waybill(i: int) -> str:
    return f"SF{(i * 104729) % 10**13:013d}"


def order(i: int) -> str:
    return f"TB2026{(i * 15485863) % 10**10:010d}"


def case_number(i: int) -> str:
    return f"2026{1 + i % 12:02d}-{i + 1:05d}"


def case_fields(i: int, rng: random.Random) -> list[Doc]:
    at = START + timedelta(hours=i)
    fields = {
        "title": f"{case_number(i)}\n{rng.choice(PHRASES)[:12]}",
        "complainant": f"{rng.choice(NAMES)}\n{phone(i)}\n上海市徐汇区漕溪北路{i % 999}号",
        "respondent": rng.choice(SHOPS),
        "order": f"{order(i)}\n淘宝",
        "waybill": f"{waybill(i)}\n{rng.choice(CARRIERS)}",
        "demands": "退还货款\n赔偿损失",
        "facts": "".join(rng.sample(PHRASES, 3)),
        "timeline": "\n".join(rng.sample(PHRASES, 4)),
    }
    return [Doc("case-field", name, text, at=at) for name, text in fields.items()]


def evidence_text(i: int, case: int, rng: random.Random) -> Doc:
    kind = KINDS[i % len(KINDS)]
    at = START + timedelta(hours=case, minutes=i % 60)
    lines = []
    for _ in range(rng.randint(3, 8)):
        lines.append(rng.choice(PHRASES))
    if kind == "chat":
        who = [rng.choice(NAMES), "客服"]
        text = "\n".join(f"2026-05-{1 + i % 28:02d} 14:{n:02d}:00 {who[n % 2]}\n{line}" for n, line in enumerate(lines))
    elif kind == "email":
        text = f"{rng.choice(NAMES)}\n关于订单 {order(case)} 的投诉\n" + "\n".join(lines)
    else:
        text = "。".join(lines) + f"。运单号：{waybill(case)} 联系电话：{phone(case)}"
    page = 1 + i % 3 if kind == "pdf-text" else None
    return Doc(kind, f"证据{i}.{'pdf' if kind == 'pdf-text' else 'txt'}", text, page=page, at=at)


def build(root: Path, cases: int, items: int) -> tuple[float, int]:
    """Build the tables; (seconds, texts written)."""
    path = root / SEARCH_PATH
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    rng = random.Random(15)
    per_case = max(1, items // cases)
    store = SearchIndex(path)
    written = 0
    start = time.perf_counter()
    try:
        for c in range(cases):
            number = case_number(c)
            texts = [evidence_text(c * per_case + k, c, rng) for k in range(per_case)]
            with store.writing() as connection:
                store.replace_case_fields(connection, number, case_fields(c, rng))
                for k, doc in enumerate(texts):
                    store.replace_exhibit(connection, number, k + 1, f"{c:032x}{k:032x}", [doc])
            written += len(texts) + 8
            if c % 1000 == 999:
                rate = written / (time.perf_counter() - start)
                print(f"  {c + 1} cases, {written} texts, {rate:,.0f} texts/s", file=sys.stderr)
        with store.writing() as connection:
            store.mark_complete(connection)
        seconds = time.perf_counter() - start
        store.connection.execute("INSERT INTO fts (fts) VALUES ('optimize')")
        store.connection.commit()
    finally:
        store.close()
    return seconds, written


QUERIES = {
    "1 char": ["退", "碎", "柜", "赔"],
    "2 chars": ["退款", "快递", "发票", "漏水"],
    "4 chars": ["七天无理", "屏幕碎了", "质量问题", "送货上门"],
    "numbers": [phone(4321), phone(4321)[-4:], waybill(777), waybill(777)[:8], order(9000)],
}
FILTERED = {
    "退款 in one case": {"case": case_number(4321)},
    "退款 in chats": {"kind": "chat"},
    "退款 in March": {"date_from": date(2026, 3, 1), "date_to": date(2026, 3, 31)},
    "退款 since 03-15": {"date_from": date(2026, 3, 15)},
}


def time_queries(root: Path, runs: int) -> None:
    print(f"\nsearch() in one process, first 50 hits with snippets and the total, {runs} runs each (ms):")
    print(f"{'query':<16} {'hits':>8} {'min':>8} {'median':>8} {'max':>8}")
    for group, queries in QUERIES.items():
        medians = []
        for query in queries:
            times = []
            total = 0
            for _ in range(runs):
                start = time.perf_counter()
                result = search(root, query)
                times.append((time.perf_counter() - start) * 1000)
                total = result.total
            medians.append(statistics.median(times))
            print(f"{query:<16} {total:>8} {min(times):>8.1f} {statistics.median(times):>8.1f} {max(times):>8.1f}")
        print(f"  {group}: median of medians {statistics.median(medians):.1f} ms")
    for label, options in FILTERED.items():
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            result = search(root, "退款", **options)  # type: ignore[arg-type]
            times.append((time.perf_counter() - start) * 1000)
        print(f"{label:<16} {result.total:>8} {min(times):>8.1f} {statistics.median(times):>8.1f} {max(times):>8.1f}")


def time_command(root: Path, runs: int) -> None:
    figures = [run([*CASEFILE, "--library", str(root), "search", "退款", "--limit", "20"]).wall for _ in range(runs)]
    print(
        f"\ncasefile search 退款 (whole command, start-up included), {runs} runs: "
        f"min {min(figures):.3f} s, median {statistics.median(figures):.3f} s, max {max(figures):.3f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--items", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--reuse", action="store_true", help="query the tables built before, do not build")
    args = parser.parse_args()
    root = CACHE / f"search-{args.cases}-{args.items}"
    if not args.reuse:
        root.mkdir(parents=True, exist_ok=True)
        Library.open(root, "bench").close()  # a library (of no case folders) for the whole command
        seconds, written = build(root, args.cases, args.items)
        size = (root / SEARCH_PATH).stat().st_size / 2**20
        print(
            f"built: {args.cases} cases, {written} texts (case fields and evidence) in {seconds:.1f} s: "
            f"{written / seconds:,.0f} texts/s; search.sqlite {size:,.0f} MiB"
        )
    time_queries(root, args.runs)
    time_command(root, args.runs)


if __name__ == "__main__":
    main()
