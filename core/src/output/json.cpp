// The `article-explorer/1` JSON: spans mapped back to the input (bytes or UTF-16 units).
#include "article_explorer/analysis.h"
#include "article_explorer/text.h"

#include <nlohmann/json.hpp>

#include <memory>

namespace ae {

using nlohmann::json;

std::string to_json(const Analysis& a, const Options& opts, bool pretty) {
    // Offsets: byte offsets into the exact input, or UTF-16 code units of the (repaired) text.
    std::unique_ptr<Utf16Index> u16;
    if (opts.utf16_offsets) u16 = std::make_unique<Utf16Index>(a.text);
    auto off = [&](uint32_t clean) -> uint32_t { return u16 ? u16->at(clean) : a.offsets.to_input(clean); };
    auto span = [&](json& j, uint32_t s, uint32_t e, bool with_text) {
        j["start"] = off(s);
        j["end"] = off(e);
        if (with_text) j["text"] = std::string(a.slice(s, e));
    };

    json j;
    j["schema"] = kSchema;
    j["version"] = kVersion;
    j["reference_date"] = a.reference_date.empty() ? json(nullptr) : json(a.reference_date);
    j["reference_date_source"] = a.reference_date.empty() ? json(nullptr) : json(a.reference_date_from_text ? "text" : "option");
    if (a.date_line.end > a.date_line.start) { json d; span(d, a.date_line.start, a.date_line.end, true); j["date_line"] = d; }
    else j["date_line"] = nullptr;
    j["offsets"] = opts.utf16_offsets ? "utf16" : "bytes";

    json paras = json::array();
    for (const auto& p : a.paragraphs) { json o; span(o, p.start, p.end, false); o["boilerplate"] = p.boilerplate; paras.push_back(std::move(o)); }
    j["paragraphs"] = std::move(paras);

    json sents = json::array();
    for (const auto& s : a.sentences) { json o; span(o, s.start, s.end, false); o["paragraph"] = s.paragraph; sents.push_back(std::move(o)); }
    j["sentences"] = std::move(sents);

    json ents = json::array();
    for (const auto& e : a.entities) {
        json o;
        o["id"] = e.id; o["type"] = e.type; o["canonical"] = e.canonical;
        o["role"] = e.role.empty() ? json(nullptr) : json(e.role);
        o["salience"] = e.salience;
        json ms = json::array();
        for (const auto& m : e.mentions) { json mo; span(mo, m.start, m.end, true); mo["kind"] = m.kind; ms.push_back(std::move(mo)); }
        o["mentions"] = std::move(ms);
        ents.push_back(std::move(o));
    }
    j["entities"] = std::move(ents);

    json vals = json::array();
    for (const auto& v : a.values) { json o; o["type"] = v.type; span(o, v.start, v.end, true); o["value"] = v.value; vals.push_back(std::move(o)); }
    j["values"] = std::move(vals);

    json quotes = json::array();
    for (const auto& q : a.quotes) {
        json o;
        o["id"] = q.id; o["kind"] = q.kind; span(o, q.start, q.end, true);
        o["speaker"] = q.speaker.empty() ? json(nullptr) : json(q.speaker);
        o["speaker_text"] = q.speaker_text.empty() ? json(nullptr) : json(q.speaker_text);
        if (q.has_cue) { json c; span(c, q.cue.start, q.cue.end, true); o["cue"] = c; } else o["cue"] = nullptr;
        if (q.has_speaker_span) { json c; span(c, q.speaker_span.start, q.speaker_span.end, true); o["speaker_mention"] = c; }
        else o["speaker_mention"] = nullptr;
        quotes.push_back(std::move(o));
    }
    j["quotes"] = std::move(quotes);

    json events = json::array();
    for (const auto& ev : a.events) {
        json o;
        o["id"] = ev.id; o["type"] = ev.type;
        json t; span(t, ev.trigger.start, ev.trigger.end, true); o["trigger"] = t;
        o["sentence"] = ev.sentence;
        json args = json::array();
        for (const auto& ar : ev.arguments) {
            json ao; ao["role"] = ar.role; ao["entity"] = ar.entity.empty() ? json(nullptr) : json(ar.entity);
            span(ao, ar.start, ar.end, true); args.push_back(std::move(ao));
        }
        o["arguments"] = std::move(args);
        if (ev.has_time) o["time"] = {{"value", ev.time_value}, {"text", ev.time_text}}; else o["time"] = nullptr;
        o["polarity"] = ev.polarity; o["modality"] = ev.modality;
        o["quote"] = ev.quote.empty() ? json(nullptr) : json(ev.quote);
        o["timeline"] = ev.timeline;
        events.push_back(std::move(o));
    }
    j["events"] = std::move(events);

    json diags = json::array();
    for (const auto& d : a.diagnostics) diags.push_back({{"code", d.code}, {"message", d.message}});
    j["diagnostics"] = std::move(diags);

    // The text is repaired UTF-8, but a span may still cut a code point: never throw on output.
    return j.dump(pretty ? 2 : -1, ' ', false, json::error_handler_t::replace);
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

}  // namespace ae
