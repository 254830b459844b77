import { describe, expect, it } from "vitest";
import type { ContentPost, UiError } from "./bindings";
import {
  CONTENT_CHANNELS,
  POST_STATUSES,
  WEEKDAY_SHORT_KEYS,
  asOfDate,
  averageRating,
  contentChannelKey,
  emptyPostFields,
  emptyReviewFields,
  filledStars,
  gridRange,
  insertAtCursor,
  mondayIndex,
  monthGrid,
  placePostError,
  placeReviewError,
  placeholderToken,
  postStatusKey,
  postStatusTone,
  postToFields,
  postsByDay,
  postsInMonth,
  preparePostInput,
  prepareReviewInput,
  productByName,
  promoCodeMissing,
  sentCount,
  starCount,
  starKey,
  starText,
  unknownPlaceholders,
  usedPlaceholders,
} from "./marketing";
import { id as idText } from "./messages";

const post = (over: Partial<ContentPost>): ContentPost => ({
  id: "p1",
  date: "2026-11-05",
  channel: "instagram",
  product: "",
  caption: "Foto kue baru",
  status: "ide",
  ...over,
});

describe("stars", () => {
  it("writes a rating as five stars, filled first", () => {
    expect(starText(4)).toBe("★★★★☆");
    expect(starText(5)).toBe("★★★★★");
    expect(starText(1)).toBe("★☆☆☆☆");
    expect(starText(0)).toBe("☆☆☆☆☆");
  });

  it("keeps odd ratings inside 0–5", () => {
    expect(starText(9)).toBe("★★★★★");
    expect(starText(-2)).toBe("☆☆☆☆☆");
    expect(starCount(3.6)).toBe(4);
    expect(starCount(Number.NaN)).toBe(0);
    expect(filledStars(3)).toBe("★★★");
  });

  it("averages the ratings shown", () => {
    expect(averageRating([])).toBeNull();
    expect(averageRating([{ rating: 5 }, { rating: 4 }, { rating: 4 }, { rating: 5 }, { rating: 5 }])).toBeCloseTo(4.6);
    expect(averageRating([{ rating: 3 }])).toBe(3);
  });

  it("moves the rating with the keyboard", () => {
    expect(starKey(0, "ArrowRight")).toBe(1);
    expect(starKey(3, "ArrowRight")).toBe(4);
    expect(starKey(5, "ArrowRight")).toBe(5);
    expect(starKey(3, "ArrowLeft")).toBe(2);
    expect(starKey(1, "ArrowLeft")).toBe(1);
    expect(starKey(0, "ArrowLeft")).toBe(1);
    expect(starKey(2, "ArrowUp")).toBe(3);
    expect(starKey(2, "ArrowDown")).toBe(1);
    expect(starKey(4, "Home")).toBe(1);
    expect(starKey(1, "End")).toBe(5);
    expect(starKey(0, "4")).toBe(4);
    expect(starKey(2, "7")).toBeNull();
    expect(starKey(2, "Enter")).toBeNull();
  });
});

describe("template placeholders", () => {
  it("puts a placeholder at the cursor and the cursor after it", () => {
    expect(insertAtCursor("Halo !", 5, 5, "{nama}")).toEqual({ text: "Halo {nama}!", cursor: 11 });
    expect(insertAtCursor("", 0, 0, "{kode_promo}")).toEqual({ text: "{kode_promo}", cursor: 12 });
    expect(insertAtCursor("Beli lagi", 9, 9, " {produk_terakhir}")).toEqual({
      text: "Beli lagi {produk_terakhir}",
      cursor: 27,
    });
  });

  it("replaces the selected text, even selected backwards", () => {
    expect(insertAtCursor("Halo Kak, apa kabar", 5, 8, "{nama}")).toEqual({ text: "Halo {nama}, apa kabar", cursor: 11 });
    expect(insertAtCursor("Halo Kak, apa kabar", 8, 5, "{nama}")).toEqual({ text: "Halo {nama}, apa kabar", cursor: 11 });
  });

  it("brings a cursor outside the text inside it", () => {
    expect(insertAtCursor("abc", 10, 12, "X")).toEqual({ text: "abcX", cursor: 4 });
    expect(insertAtCursor("abc", -3, 0, "X")).toEqual({ text: "Xabc", cursor: 1 });
    expect(insertAtCursor("abc", Number.NaN, Number.NaN, "X")).toEqual({ text: "abcX", cursor: 4 });
  });

  it("tells which placeholders a template uses and which it does not know", () => {
    expect(placeholderToken("produk_terakhir")).toBe("{produk_terakhir}");
    expect(usedPlaceholders("Halo {nama}, {produk_terakhir} ready. Halo {nama}")).toEqual(["nama", "produk_terakhir"]);
    expect(usedPlaceholders("Halo semua")).toEqual([]);
    expect(unknownPlaceholders("Halo {Nama} {nama} {nama pelanggan} {Nama}")).toEqual(["{Nama}", "{nama pelanggan}"]);
    expect(unknownPlaceholders("Halo {nama}, kode {kode_promo}")).toEqual([]);
  });

  it("notices a promo placeholder without a code", () => {
    expect(promoCodeMissing("Pakai kode {kode_promo}", "")).toBe(true);
    expect(promoCodeMissing("Pakai kode {kode_promo}", "  ")).toBe(true);
    expect(promoCodeMissing("Pakai kode {kode_promo}", "HEMAT10")).toBe(false);
    expect(promoCodeMissing("Halo {nama}", "")).toBe(false);
  });

  it("counts the rows sent on to WhatsApp", () => {
    expect(sentCount(["a", "b", "c"], new Set(["b", "x"]))).toBe(1);
    expect(sentCount([], new Set(["b"]))).toBe(0);
  });

  it("has an example template that uses the name and the last product, in both languages", async () => {
    const { en } = await import("./messages");
    for (const text of [idText["campaign.template.example"], en["campaign.template.example"]]) {
      expect(usedPlaceholders(text)).toEqual(["nama", "produk_terakhir"]);
      expect(unknownPlaceholders(text)).toEqual([]);
    }
  });
});

describe("month calendar, Monday first", () => {
  it("knows the day of the week with Monday as 0", () => {
    expect(mondayIndex("2026-11-30")).toBe(0); // Senin
    expect(mondayIndex("2026-11-01")).toBe(6); // Minggu
    expect(mondayIndex("2026-11-05")).toBe(3); // Kamis
    expect(WEEKDAY_SHORT_KEYS).toEqual([
      "weekday.short.1",
      "weekday.short.2",
      "weekday.short.3",
      "weekday.short.4",
      "weekday.short.5",
      "weekday.short.6",
      "weekday.short.0",
    ]);
    expect(WEEKDAY_SHORT_KEYS.map((k) => idText[k as keyof typeof idText])).toEqual(["Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"]);
  });

  it("lays out November 2026: Monday 26 October to Sunday 6 December, six weeks", () => {
    // 1 November 2026 is a Sunday; 30 November a Monday.
    const weeks = monthGrid({ year: 2026, month: 11 });
    expect(weeks).toHaveLength(6);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(weeks[0]?.map((d) => d.date)).toEqual([
      "2026-10-26",
      "2026-10-27",
      "2026-10-28",
      "2026-10-29",
      "2026-10-30",
      "2026-10-31",
      "2026-11-01",
    ]);
    expect(weeks[0]?.map((d) => d.inMonth)).toEqual([false, false, false, false, false, false, true]);
    expect(weeks[1]?.[0]).toEqual({ date: "2026-11-02", day: 2, inMonth: true });
    expect(weeks[4]?.map((d) => d.day)).toEqual([23, 24, 25, 26, 27, 28, 29]);
    expect(weeks[5]?.map((d) => d.date)).toEqual([
      "2026-11-30",
      "2026-12-01",
      "2026-12-02",
      "2026-12-03",
      "2026-12-04",
      "2026-12-05",
      "2026-12-06",
    ]);
    expect(weeks.flat().filter((d) => d.inMonth)).toHaveLength(30);
    expect(gridRange({ year: 2026, month: 11 })).toEqual({ from: "2026-10-26", to: "2026-12-06" });
  });

  it("lays out February 2027 in exactly four weeks (1st a Monday, 28th a Sunday)", () => {
    const weeks = monthGrid({ year: 2027, month: 2 });
    expect(weeks).toHaveLength(4);
    expect(weeks[0]?.[0]?.date).toBe("2027-02-01");
    expect(weeks[3]?.[6]?.date).toBe("2027-02-28");
    expect(weeks.flat().every((d) => d.inMonth)).toBe(true);
  });

  it("lays out a leap February and a month across the new year", () => {
    // 1 February 2028 is a Tuesday; 29 February 2028 a Tuesday too.
    const feb = monthGrid({ year: 2028, month: 2 });
    expect(feb).toHaveLength(5);
    expect(feb[0]?.[0]).toEqual({ date: "2028-01-31", day: 31, inMonth: false });
    expect(feb[4]?.[1]).toEqual({ date: "2028-02-29", day: 29, inMonth: true });
    expect(feb[4]?.[6]?.date).toBe("2028-03-05");
    // 1 January 2026 is a Thursday; 31 January a Saturday.
    expect(gridRange({ year: 2026, month: 1 })).toEqual({ from: "2025-12-29", to: "2026-02-01" });
    expect(monthGrid({ year: 2026, month: 1 })).toHaveLength(5);
    // 1 March 2026 is a Sunday: six weeks, from 23 February to 5 April.
    expect(gridRange({ year: 2026, month: 3 })).toEqual({ from: "2026-02-23", to: "2026-04-05" });
  });

  it("puts posts on their day and lists a month's posts by date", () => {
    const a = post({ id: "a", date: "2026-11-05" });
    const b = post({ id: "b", date: "2026-11-01" });
    const c = post({ id: "c", date: "2026-11-05" });
    const d = post({ id: "d", date: "2026-10-31" });
    const days = postsByDay([a, b, c, d]);
    expect(days.get("2026-11-05")?.map((p) => p.id)).toEqual(["a", "c"]);
    expect(days.get("2026-11-01")?.map((p) => p.id)).toEqual(["b"]);
    expect(days.get("2026-11-06")).toBeUndefined();
    expect(postsInMonth([a, b, c, d], { year: 2026, month: 11 }).map((p) => p.id)).toEqual(["b", "a", "c"]);
  });
});

describe("post statuses and channels", () => {
  it("labels and colours each status", () => {
    expect(POST_STATUSES).toEqual(["ide", "dijadwalkan", "diposting"]);
    expect(POST_STATUSES.map(postStatusKey)).toEqual(["content.status.ide", "content.status.dijadwalkan", "content.status.diposting"]);
    expect(POST_STATUSES.map(postStatusTone)).toEqual(["neutral", "warning", "success"]);
    expect(POST_STATUSES.map((s) => idText[postStatusKey(s)])).toEqual(["Ide", "Dijadwalkan", "Sudah diposting"]);
    expect(postStatusKey("lain")).toBe("content.status.ide");
    expect(postStatusTone("lain")).toBe("neutral");
  });

  it("offers the social channels and reads an unknown one as Lainnya", () => {
    expect(CONTENT_CHANNELS).toEqual(["instagram", "facebook", "tiktok", "whatsapp", "tokopedia", "shopee", "lainnya"]);
    expect(contentChannelKey("tiktok")).toBe("orders.channel.tiktok");
    expect(contentChannelKey("toko")).toBe("orders.channel.lainnya");
    expect(contentChannelKey("")).toBe("orders.channel.lainnya");
  });
});

describe("post form", () => {
  it("starts as an idea on Instagram on the day clicked", () => {
    expect(emptyPostFields("2026-11-12")).toEqual({ date: "2026-11-12", channel: "instagram", caption: "", status: "ide" });
  });

  it("needs a real day and a caption", () => {
    const r = preparePostInput({ date: "31/11/2026", channel: "instagram", caption: "  ", status: "ide" }, "");
    expect(r).toEqual({ ok: false, hints: { date: "content.error.date", caption: "content.error.caption" } });
  });

  it("sends what was typed, trimmed", () => {
    const r = preparePostInput({ date: "2026-11-12", channel: "tiktok", caption: "  Video cara seduh kopi \n", status: "dijadwalkan" }, " KB-01 ");
    expect(r).toEqual({
      ok: true,
      input: { date: "2026-11-12", channel: "tiktok", product: "KB-01", caption: "Video cara seduh kopi", status: "dijadwalkan" },
    });
  });

  it("opens a post for editing, odd codes made safe", () => {
    expect(postToFields(post({ channel: "toko", status: "diposting" }))).toEqual({
      date: "2026-11-05",
      channel: "lainnya",
      caption: "Foto kue baru",
      status: "diposting",
    });
  });

  it("finds the post's product by its name", () => {
    const list = [
      { id: "1", name: "Kopi Bubuk 200g" },
      { id: "2", name: "Kopi  bubuk" },
    ];
    expect(productByName("kopi bubuk", list)?.id).toBe("2");
    expect(productByName("Kopi Bubuk 200g", list)?.id).toBe("1");
    expect(productByName("Kopi", list)).toBeNull();
    expect(productByName("  ", list)).toBeNull();
  });
});

describe("review form", () => {
  it("needs a customer, stars, and an order or a product", () => {
    expect(prepareReviewInput(emptyReviewFields())).toEqual({
      ok: false,
      hints: { customer: "review.error.customer", rating: "review.error.rating", product: "review.error.nothing" },
    });
    expect(prepareReviewInput({ ...emptyReviewFields("c1"), rating: 6, order: "P-0001" })).toEqual({
      ok: false,
      hints: { rating: "review.error.rating" },
    });
  });

  it("sends the rating as text and the date as today", () => {
    expect(prepareReviewInput({ customer: "c1", order: " P-0012 ", product: "", rating: 5, text: " Enak! " })).toEqual({
      ok: true,
      input: { customer: "c1", order: "P-0012", product: "", rating: "5", text: "Enak!", date: "" },
    });
    const byProduct = prepareReviewInput({ customer: "c1", order: "", product: "KB-01", rating: 3, text: "" });
    expect(byProduct.ok && byProduct.input.product).toBe("KB-01");
  });

  it("puts an unknown order, product or customer by its field", () => {
    const e = (code: string, field: string | null = null): UiError => ({ code, message: "x", field });
    expect(placeReviewError(e("unknown_order")).field).toBe("order");
    expect(placeReviewError(e("unknown_product")).field).toBe("product");
    expect(placeReviewError(e("unknown_customer")).field).toBe("customer");
    expect(placeReviewError(e("bad_rating", "rating")).field).toBe("rating");
    expect(placeReviewError(e("unexpected")).field).toBeNull();
  });

  it("puts a post's refusal by its field, the customer form's date field read as the post's", () => {
    const e = (code: string, field: string | null = null): UiError => ({ code, message: "x", field });
    expect(placePostError(e("bad_date", "birthday")).field).toBe("date");
    expect(placePostError(e("unknown_value")).field).toBe("channel");
    expect(placePostError(e("unknown_product")).field).toBe("product");
    expect(placePostError(e("caption_required", "caption")).field).toBe("caption");
    expect(placePostError(e("unknown_record")).field).toBeNull();
  });
});

describe("reports", () => {
  it("reads the customer report as of the period's end, never after today", () => {
    expect(asOfDate("2026-11-30", "2026-11-18")).toBe("2026-11-18");
    expect(asOfDate("2026-10-31", "2026-11-18")).toBe("2026-10-31");
    expect(asOfDate("2026-11-18", "2026-11-18")).toBe("2026-11-18");
  });
});
