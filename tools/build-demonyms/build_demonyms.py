#!/usr/bin/env python3
"""build-demonyms: compiles the nationality-adjective table the entity stage links to countries.

Sources (both read, nothing downloaded):
  * Debian iso-codes: /usr/share/iso-codes/json/iso_3166-1.json  (country names by alpha-3)
  * PETRARCH2's country actor dictionary (TABARI format):
      ../shared/data/events/petrarch2/Phoenix.Countries.actors.txt
    A country block starts with a line `NAME_  [ISO]` and lists synonyms as `+WORD_WORD_`
    lines; among those synonyms are the demonyms (MEXICAN_, ECUADORIAN_, ISRAELIS), next to
    cities, misspellings and former names.
Outputs (TSV, `#` comments):
  assets/lexicons/demonyms.txt   adjective or demonym (singular and plural) -> country name
  assets/lexicons/places.txt     single/multi-word place names of a country -> country name
                                 (cities, regions; evidence that a name is a LOCATION)
usage: build_demonyms.py [--iso FILE] [--phoenix FILE] [--out-dir assets/lexicons]
"""
import argparse, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))

# Demonym endings (upper case). A single-word synonym with one of these endings that shares
# its first letters with the country's name is taken as the country's demonym.
SUFFIXES = ("IAN", "EAN", "AN", "ESE", "ISH", "I", "IC", "OT", "CH", "SS", "ENE", "EG", "NO")
# Demonyms whose stem is not the country's name, so the prefix rule cannot find them;
# each is still required to be listed in the country's PETRARCH2 block (checked below).
IRREGULAR = {"DUTCH": "NLD", "BRITISH": "GBR", "BRITON": "GBR", "BRITONS": "GBR", "ENGLISH": "GBR",
             "SCOTTISH": "GBR", "WELSH": "GBR", "SWISS": "CHE", "AMERICAN": "USA", "AMERICANS": "USA",
             "FILIPINO": "PHL", "FILIPINOS": "PHL", "GREEK": "GRC", "GREEKS": "GRC", "THAI": "THA",
             "IVORIAN": "CIV", "MALAGASY": "MDG", "BURMESE": "MMR", "KIWI": "NZL", "FLEMISH": "BEL",
             "WALLOON": "BEL", "CONGOLESE": "COD", "SAUDI": "SAU", "SAUDIS": "SAU", "EMIRATI": "ARE",
             "FRENCH": "FRA", "IRISH": "IRL", "DANISH": "DNK", "DANE": "DNK", "DANES": "DNK", "FINNISH": "FIN",
             "FINN": "FIN", "FINNS": "FIN", "POLISH": "POL", "POLE": "POL", "POLES": "POL", "SPANISH": "ESP",
             "SPANIARD": "ESP", "SPANIARDS": "ESP", "SWEDE": "SWE", "SWEDES": "SWE", "TURK": "TUR",
             "TURKS": "TUR", "KAZAKH": "KAZ", "UZBEK": "UZB", "TAJIK": "TJK", "SLOVAK": "SVK", "LAO": "LAO",
             "UKRAINIAN": "UKR", "UKRAINIANS": "UKR", "ISRAELI": "ISR", "ISRAELIS": "ISR", "IRAQI": "IRQ",
             "IRAQIS": "IRQ", "KUWAITI": "KWT", "KUWAITIS": "KWT", "NORWEGIAN": "NOR", "NORWEGIANS": "NOR"}
# Phoenix blocks whose name differs from iso-codes' short name, by alpha-3.
NAME_OVERRIDE = {"USA": "United States", "GBR": "United Kingdom", "RUS": "Russia", "KOR": "South Korea",
                 "PRK": "North Korea", "COD": "Democratic Republic of the Congo", "COG": "Republic of the Congo",
                 "CZE": "Czech Republic", "TUR": "Turkey", "PSE": "Palestine"}
STOP = {"AN", "I", "MAN", "WOMAN", "INDIAN_OCEAN"}


def plural(word):
    if word.endswith(("ESE", "ISS", "SS", "CH", "SH", "S")) or word.endswith("ISH"):
        return None
    if word.endswith(("AN", "I", "OT", "NO", "EG", "ON")):
        return word + "S"
    return None


def title(word):
    return "-".join(p[:1].upper() + p[1:].lower() for p in word.split("-"))


def country_names(iso_path):
    data = json.load(open(iso_path, encoding="utf-8"))["3166-1"]
    names = {}
    for c in data:
        n = c.get("common_name") or c["name"]
        if "," in n:  # "Korea, Republic of" without a common name: keep the part before the comma
            n = n.split(",")[0]
        names[c["alpha_3"]] = NAME_OVERRIDE.get(c["alpha_3"], n)
    return names


def phoenix_blocks(path, by_name):
    """(name, alpha-3, synonyms) per country block, in file order. Some blocks carry no code
    (`IRAQ_`): those whose name is an iso-codes country name count too."""
    blocks = []
    bare = re.compile(r"^([A-Z][A-Z_'.-]*?)_?\s*$")
    header = re.compile(r"^([A-Z][A-Z_'.-]*?)_?\s+\[([A-Z]{3})\]\s*$")
    block = None
    for raw in open(path, encoding="utf-8", errors="replace"):
        line = raw.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        m = header.match(line)
        if m:
            block = (m.group(1), m.group(2), [])
            blocks.append(block)
            continue
        m = bare.match(line)
        if m and m.group(1).replace("_", " ") in by_name:
            block = (m.group(1), by_name[m.group(1).replace("_", " ")], [])
            blocks.append(block)
            continue
        if line.startswith("+") and block is not None:
            syn = line[1:].split("#")[0].strip().rstrip("_")
            if syn:
                block[2].append(syn)
        elif not line.startswith(("\t", " ", "+")):
            block = None  # a person or group actor entry ends the country's synonym list
    return blocks


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--iso", default="/usr/share/iso-codes/json/iso_3166-1.json")
    ap.add_argument("--phoenix", default=os.path.join(ROOT, "..", "shared", "data", "events", "petrarch2",
                                                      "Phoenix.Countries.actors.txt"))
    ap.add_argument("--out-dir", default=os.path.join(ROOT, "assets", "lexicons"))
    args = ap.parse_args()
    names = country_names(args.iso)
    country_words = {n.upper().replace(" ", "_") for n in names.values()}
    demonyms, places = {}, {}
    by_name = {}
    for c in json.load(open(args.iso, encoding="utf-8"))["3166-1"]:
        for k in ("name", "common_name", "official_name"):
            if k in c:
                by_name.setdefault(c[k].upper(), c["alpha_3"])
    for pname, code, syns in phoenix_blocks(args.phoenix, by_name):
        country = names.get(code) or title(pname.replace("_", " "))
        stems = {pname[:3], country.upper()[:3]}
        for s in syns:
            if s in STOP or s in country_words:
                continue
            single = "_" not in s and s.isalpha()
            is_dem = False
            if single and s in IRREGULAR and IRREGULAR[s] == code:
                is_dem = True
            elif single and len(s) >= 4:
                base = s[:-1] if s.endswith("S") and not s.endswith(("SS", "ESE")) else s
                cu = country.upper()
                common = 0
                while common < min(len(base), len(cu)) and base[common] == cu[common]:
                    common += 1
                is_dem = (common >= min(4, len(cu) - 1) and base.endswith(SUFFIXES)
                          and not base.endswith(("LAND", "STAN")) and base != cu)
                if is_dem and base.endswith("I") and not base.endswith(("IAN", "EAN")):
                    is_dem = cu.startswith(base[:-1])   # Bahraini, Omani; not Mexicali, Taipei
            if is_dem:
                demonyms.setdefault(title(s), country)
                p = plural(s)
                if p:
                    demonyms.setdefault(title(p), country)
            elif len(s) >= 3:
                places.setdefault(" ".join(title(w) for w in s.split("_")), country)
    for w in IRREGULAR:  # irregular ones missing from the dictionary still map to their country
        if IRREGULAR[w] in names:
            demonyms.setdefault(title(w), names[IRREGULAR[w]])
    os.makedirs(args.out_dir, exist_ok=True)
    with open(os.path.join(args.out_dir, "demonyms.txt"), "w", encoding="utf-8") as f:
        f.write("# demonym or nationality adjective<TAB>country. Generated by tools/build-demonyms from\n"
                "# iso-codes (iso_3166-1.json) and PETRARCH2 Phoenix.Countries.actors.txt. Do not edit.\n")
        for k in sorted(demonyms):
            f.write(f"{k}\t{demonyms[k]}\n")
    with open(os.path.join(args.out_dir, "places.txt"), "w", encoding="utf-8") as f:
        f.write("# place name<TAB>country (cities, regions, alternative country names). Generated by\n"
                "# tools/build-demonyms from PETRARCH2 Phoenix.Countries.actors.txt. Do not edit.\n")
        for k in sorted(places):
            if places[k] != k:
                f.write(f"{k}\t{places[k]}\n")
    print(f"demonyms: {len(demonyms)}  places: {len(places)}", file=sys.stderr)


if __name__ == "__main__":
    main()
