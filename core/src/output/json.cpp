// The `article-explorer/1` JSON: spans mapped back to the input (bytes or UTF-16 units).
#include "article_explorer/analysis.h"
#include "article_explorer/text.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstring>
#include <memory>

namespace ae {

using nlohmann::json;

namespace {

// Whether s is valid UTF-8 throughout (the core's own decoder decides what valid means).
bool valid_utf8(std::string_view s) {
    for (size_t i = 0; i < s.size();) {
        if ((unsigned char)s[i] < 0x80) { ++i; continue; }
        uint32_t cp = 0;
        const int len = utf8_decode(s, i, cp);
        if (len == 0) return false;
        i += size_t(len);
    }
    return true;
}

// A compact JSON writer that streams straight into the output string: no document tree, so
// the memory of a 20 MB article's JSON is the JSON itself. It writes exactly what nlohmann's
// dump() writes for the same object (keys in sorted order, as nlohmann::json's std::map keeps
// them; the same escapes), which the tests check.
struct Writer {
    std::string out;
    bool first = true;   // no comma before the next member / element

    void raw(std::string_view s) { out.append(s.data(), s.size()); }
    void sep() { if (!first) out += ','; first = false; }
    void str(std::string_view s) {
        const size_t mark = out.size();
        out += '"';
        size_t run = 0;
        bool checked = false;   // the UTF-8 from the first non-ASCII byte on was validated
        for (size_t i = 0; i < s.size(); ++i) {
            const unsigned char c = (unsigned char)s[i];
            if (c >= 0x80) {
                // one pass: the bytes before are ASCII, so only the rest needs validating
                if (!checked && !valid_utf8(s.substr(i))) {   // only when a span cuts a code point: let nlohmann repair it
                    out.resize(mark);
                    raw(json(std::string(s)).dump(-1, ' ', false, json::error_handler_t::replace));
                    return;
                }
                checked = true;
                continue;
            }
            if (c >= 0x20 && c != '"' && c != '\\') continue;
            out.append(s.data() + run, i - run);
            run = i + 1;
            switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\t': out += "\\t"; break;
            case '\n': out += "\\n"; break;
            case '\f': out += "\\f"; break;
            case '\r': out += "\\r"; break;
            default: {
                static const char hex[] = "0123456789abcdef";
                char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
                out.append(u, 6);
            }
            }
        }
        out.append(s.data() + run, s.size() - run);
        out += '"';
    }
    // Integers by hand rather than through snprintf: the same digits, without the format parsing.
    void num(uint64_t v) {
        char b[24]; size_t n = sizeof b;
        do { b[--n] = char('0' + v % 10); v /= 10; } while (v);
        out.append(b + n, sizeof b - n);
    }
    void snum(int64_t v) {
        if (v < 0) { out += '-'; num(uint64_t(0) - uint64_t(v)); } else num(uint64_t(v));
    }
    // A literal key written in one append ("key":), its length known at compile time.
    template <size_t N> void key(const char (&k)[N]) {
        sep();
        char b[N + 2];
        b[0] = '"';
        std::memcpy(b + 1, k, N - 1);
        b[N] = '"';
        b[N + 1] = ':';
        out.append(b, N + 2);
        first = true;
    }
    void open_obj() { sep(); out += '{'; first = true; }
    void close_obj() { out += '}'; first = false; }
    void open_arr() { sep(); out += '['; first = true; }
    void close_arr() { out += ']'; first = false; }
    // Values after key() (key() left first = true, so sep() adds no comma).
    void vstr(std::string_view s) { sep(); str(s); }
    void vstr_or_null(std::string_view s) { sep(); if (s.empty()) raw("null"); else str(s); }
    void vnum(uint64_t v) { sep(); num(v); }
    void vsnum(int64_t v) { sep(); snum(v); }
    void vbool(bool b) { sep(); raw(b ? "true" : "false"); }
    void vnull() { sep(); raw("null"); }
};

}  // namespace

std::string to_json(const Analysis& a, const Options& opts, bool pretty) {
    // Offsets: byte offsets into the exact input, or UTF-16 code units of the (repaired) text.
    std::unique_ptr<Utf16Index> u16;
    if (opts.utf16_offsets) u16 = std::make_unique<Utf16Index>(a.text);
    auto off = [&](uint32_t clean) -> uint32_t { return u16 ? u16->at(clean) : a.offsets.to_input(clean); };

    Writer w;
    w.out.reserve(256 + a.text.size() * 3);
    // A span's members in sorted order around the object's other keys: callers interleave.
    auto span_obj = [&](uint32_t s, uint32_t e) {   // {"end","start","text"}
        w.open_obj();
        w.key("end"); w.vnum(off(e));
        w.key("start"); w.vnum(off(s));
        w.key("text"); w.vstr(a.slice(s, e));
        w.close_obj();
    };

    auto span_or_null = [&](const Span& s) { if (s.end > s.start) span_obj(s.start, s.end); else w.vnull(); };

    w.open_obj();
    w.key("byline"); span_or_null(a.byline);
    w.key("date_line"); span_or_null(a.date_line);
    w.key("date_line_label"); w.vstr_or_null(a.date_line_label);
    w.key("dateline"); span_or_null(a.dateline);

    w.key("diagnostics"); w.open_arr();
    for (const auto& d : a.diagnostics) {
        w.open_obj(); w.key("code"); w.vstr(d.code); w.key("message"); w.vstr(d.message); w.close_obj();
    }
    w.close_arr();

    w.key("entities"); w.open_arr();
    for (const auto& e : a.entities) {
        w.open_obj();
        w.key("canonical"); w.vstr(e.canonical);
        w.key("id"); w.vstr(e.id);
        w.key("mentions"); w.open_arr();
        for (const auto& m : e.mentions) {
            w.open_obj();
            w.key("end"); w.vnum(off(m.end));
            w.key("kind"); w.vstr(m.kind);
            w.key("start"); w.vnum(off(m.start));
            w.key("text"); w.vstr(a.slice(m.start, m.end));
            w.close_obj();
        }
        w.close_arr();
        w.key("role"); w.vstr_or_null(e.role);
        w.key("salience"); w.sep(); w.raw(json(e.salience).dump());   // nlohmann's shortest round-trip form
        w.key("type"); w.vstr(e.type);
        w.close_obj();
    }
    w.close_arr();

    w.key("events"); w.open_arr();
    for (const auto& ev : a.events) {
        w.open_obj();
        w.key("arguments"); w.open_arr();
        for (const auto& ar : ev.arguments) {
            w.open_obj();
            w.key("end"); w.vnum(off(ar.end));
            w.key("entity"); w.vstr_or_null(ar.entity);
            w.key("role"); w.vstr(ar.role);
            w.key("start"); w.vnum(off(ar.start));
            w.key("text"); w.vstr(a.slice(ar.start, ar.end));
            w.close_obj();
        }
        w.close_arr();
        w.key("id"); w.vstr(ev.id);
        w.key("modality"); w.vstr(ev.modality);
        w.key("polarity"); w.vstr(ev.polarity);
        w.key("quote"); w.vstr_or_null(ev.quote);
        w.key("sentence"); w.vnum(ev.sentence);
        w.key("time");
        if (ev.has_time) { w.open_obj(); w.key("text"); w.vstr(ev.time_text); w.key("value"); w.vstr(ev.time_value); w.close_obj(); }
        else w.vnull();
        w.key("timeline"); w.vsnum(ev.timeline);
        w.key("trigger"); span_obj(ev.trigger.start, ev.trigger.end);
        w.key("type"); w.vstr(ev.type);
        w.close_obj();
    }
    w.close_arr();

    w.key("offsets"); w.vstr(opts.utf16_offsets ? "utf16" : "bytes");

    w.key("paragraphs"); w.open_arr();
    for (const auto& p : a.paragraphs) {
        w.open_obj();
        w.key("boilerplate"); w.vbool(p.boilerplate);
        w.key("end"); w.vnum(off(p.end));
        w.key("role");
        switch (p.role) {
        case ParagraphRole::Story: w.vnull(); break;
        case ParagraphRole::Title: w.vstr("title"); break;
        case ParagraphRole::Standfirst: w.vstr("standfirst"); break;
        case ParagraphRole::Byline: w.vstr("byline"); break;
        case ParagraphRole::DateLine: w.vstr("date_line"); break;
        }
        w.key("start"); w.vnum(off(p.start));
        w.close_obj();
    }
    w.close_arr();

    w.key("quotes"); w.open_arr();
    for (const auto& q : a.quotes) {
        w.open_obj();
        w.key("cue"); if (q.has_cue) span_obj(q.cue.start, q.cue.end); else w.vnull();
        w.key("end"); w.vnum(off(q.end));
        w.key("id"); w.vstr(q.id);
        w.key("kind"); w.vstr(q.kind);
        w.key("speaker"); w.vstr_or_null(q.speaker);
        w.key("speaker_mention"); if (q.has_speaker_span) span_obj(q.speaker_span.start, q.speaker_span.end); else w.vnull();
        w.key("speaker_text"); w.vstr_or_null(q.speaker_text);
        w.key("start"); w.vnum(off(q.start));
        w.key("text"); w.vstr(a.slice(q.start, q.end));
        w.close_obj();
    }
    w.close_arr();

    w.key("reference_date"); w.vstr_or_null(a.reference_date);
    w.key("reference_date_source");
    if (a.reference_date.empty()) w.vnull(); else w.vstr(a.reference_date_from_text ? "text" : "option");
    w.key("schema"); w.vstr(kSchema);

    w.key("sentences"); w.open_arr();
    for (const auto& s : a.sentences) {
        w.open_obj();
        w.key("end"); w.vnum(off(s.end));
        w.key("paragraph"); w.vnum(s.paragraph);
        w.key("start"); w.vnum(off(s.start));
        w.close_obj();
    }
    w.close_arr();

    w.key("title"); span_or_null(a.title);

    w.key("values"); w.open_arr();
    for (const auto& v : a.values) {
        w.open_obj();
        w.key("end"); w.vnum(off(v.end));
        w.key("start"); w.vnum(off(v.start));
        w.key("text"); w.vstr(a.slice(v.start, v.end));
        w.key("type"); w.vstr(v.type);
        w.key("value"); w.vstr(v.value);
        w.close_obj();
    }
    w.close_arr();

    w.key("version"); w.vstr(kVersion);
    w.close_obj();

    if (!pretty) return std::move(w.out);
    // Indented output is for people reading small analyses: re-read and indent.
    return json::parse(w.out).dump(2, ' ', false, json::error_handler_t::replace);
}

std::string analyze_to_json(std::string_view input, std::string_view options_json) {
    Options opts;
    if (!options_json.empty()) {
        json o = json::parse(options_json.begin(), options_json.end(), nullptr, false);
        if (o.is_discarded() || !o.is_object()) return R"({"error":"options are not a JSON object"})";
        if (o.contains("offsets")) {
            if (o["offsets"] == "utf16") opts.utf16_offsets = true;
            else if (o["offsets"] != "bytes") return R"({"error":"offsets must be \"bytes\" or \"utf16\""})";
        }
        if (o.contains("tokens_only") && o["tokens_only"].is_boolean()) opts.tokens_only = o["tokens_only"].get<bool>();
        if (o.contains("tags_only") && o["tags_only"].is_boolean()) opts.tags_only = o["tags_only"].get<bool>();
        if (o.contains("reference_date") && o["reference_date"].is_string()) opts.reference_date = o["reference_date"].get<std::string>();
    }
    // The pipeline does not throw by design; should a stage ever do so, the caller gets an
    // error object instead of a dead module.
    try {
        Analysis a = analyze(input, opts);
        return to_json(a, opts);
    } catch (const std::exception& e) {
        json err = {{"error", std::string("internal error: ") + e.what()}};
        return err.dump(-1, ' ', false, json::error_handler_t::replace);
    }
}

std::string batch_line(std::string_view line, const Options& opts, std::string* error) {
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) return {};   // blank line
    json j = json::parse(line.begin(), line.end(), nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("text") || !j["text"].is_string()) {
        if (error) *error = j.is_discarded() ? "not valid JSON" : "expected an object with a string \"text\"";
        return {};
    }
    Options o = opts;
    if (j.contains("date") && j["date"].is_string()) o.reference_date = j["date"].get<std::string>();
    Analysis a = analyze(j["text"].get_ref<const std::string&>(), o);
    json id = j.contains("id") ? j["id"] : json(nullptr);
    return "{\"id\":" + id.dump(-1, ' ', false, json::error_handler_t::replace) + ",\"analysis\":" + to_json(a, o) + "}";
}

std::string batch_error_line(size_t line_no, const std::string& error) {
    json e = {{"line", line_no}, {"error", error}};
    return e.dump();
}

}  // namespace ae
