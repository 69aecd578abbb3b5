//! The built-in calendars: compiled-in data files in a compact text format,
//! and the dictionary of holiday names in English, Indonesian and Chinese.
//!
//! # Format (`data/calendars/<code>.txt`)
//!
//! ```text
//! # comment (also after any line)
//! name Indonesia
//! edition ID-2026.12                      # the edition id (bump it with the data)
//! source Holidays Act 1951                # optional, any number: sources of every year
//! zone Asia/Jakarta
//! weekmask 1111100
//! hours 09:00-12:00 13:00-18:00
//! cutoff 17:00
//! coverage 2020 2030
//!
//! year 2024 official SKB 855/2023         # the decree: a source of the edition
//! 01-01 new_year                          # MM-DD [kind] name-key[+name-key]
//! 04-08 C eid_al_fitr                     # P public (default), C collective
//! year 2030 estimated <why>
//! ```
//!
//! Kinds: `P` public holiday, `C` collective leave (cuti bersama), `S` a
//! weekday off swapped with a make-up working day, `O` a holiday observed in
//! lieu, `W` a make-up working day (weekend day worked). Name keys are
//! defined in `names.txt` as `key | English | Indonesian | Chinese`.
//!
//! # Regions (`data/calendars/regions.txt`)
//!
//! A region (an ISO 3166-2 subdivision whose days off differ from its
//! country's) is a block that starts with `region <CODE>` and names its
//! `base` calendar; the rest is the format above, read on top of the base:
//! header lines (`name`, `edition`, `zone`, `weekmask`, `hours`, `cutoff`)
//! replace the base's, `source` and official `year` lines add sources, and
//! dates add holidays (merged with the base's holiday on the same date) or,
//! with kind `-`, remove the base's holiday of that name
//! (`11-14 - deepavali`). Adding a region is a data change only.
//!
//! ```text
//! region MY-14
//! base MY
//! name Malaysia: Kuala Lumpur
//! edition MY-14-2026.12
//! year 2026 official Hari Kelepasan Am 2026
//! 02-01 federal_territory_day+thaipusam
//! ```

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::NaiveDate;
use chrono_tz::Tz;

use super::{
    BusinessPeriod, CalendarEdition, CalendarError, CalendarId, CalendarSpec, Holiday, HolidayKind,
    TimeOfDay, WorkingDay, YearRange,
};
use crate::locale::Locale;

const NAMES: &str = include_str!("../../data/calendars/names.txt");
const ID: &str = include_str!("../../data/calendars/id.txt");
const CN: &str = include_str!("../../data/calendars/cn.txt");
const SG: &str = include_str!("../../data/calendars/sg.txt");
const MY: &str = include_str!("../../data/calendars/my.txt");
const REGIONS: &str = include_str!("../../data/calendars/regions.txt");

/// The zone of a built-in calendar.
pub(crate) fn zone_of(id: CalendarId) -> Tz {
    match id {
        CalendarId::Indonesia => chrono_tz::Asia::Jakarta,
        CalendarId::China => chrono_tz::Asia::Shanghai,
        CalendarId::Singapore => chrono_tz::Asia::Singapore,
        CalendarId::Malaysia => chrono_tz::Asia::Kuala_Lumpur,
    }
}

/// The source text of a built-in calendar.
pub(crate) fn source(id: CalendarId) -> &'static str {
    match id {
        CalendarId::Indonesia => ID,
        CalendarId::China => CN,
        CalendarId::Singapore => SG,
        CalendarId::Malaysia => MY,
    }
}

/// One holiday name in the three locales.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Names {
    pub(crate) en: &'static str,
    pub(crate) id: &'static str,
    pub(crate) zh: &'static str,
}

struct Dictionary {
    by_key: HashMap<&'static str, Names>,
    by_english: HashMap<&'static str, Names>,
}

fn parse_names(text: &'static str) -> Result<Dictionary, String> {
    let mut by_key = HashMap::new();
    let mut by_english = HashMap::new();
    for (n, line) in text.lines().enumerate() {
        let line = strip_comment(line);
        if line.is_empty() {
            continue;
        }
        let parts: Vec<&str> = line.split('|').map(str::trim).collect();
        let [key, en, id, zh] = parts.as_slice() else {
            return Err(format!("names.txt line {}: expected 4 fields", n + 1));
        };
        if [key, en, id, zh].iter().any(|s| s.is_empty()) {
            return Err(format!("names.txt line {}: empty field", n + 1));
        }
        let names = Names { en, id, zh };
        if by_key.insert(*key, names).is_some() {
            return Err(format!("names.txt line {}: duplicate key {key}", n + 1));
        }
        by_english.insert(*en, names);
    }
    Ok(Dictionary { by_key, by_english })
}

fn dictionary() -> &'static Dictionary {
    static DICT: OnceLock<Dictionary> = OnceLock::new();
    DICT.get_or_init(|| {
        parse_names(NAMES).unwrap_or_else(|_| Dictionary {
            by_key: HashMap::new(),
            by_english: HashMap::new(),
        })
    })
}

/// Translates an English holiday name (parts joined by `"; "` one by one);
/// unknown names are returned unchanged.
pub(crate) fn translate(name: &str, locale: Locale) -> String {
    let dict = dictionary();
    name.split("; ")
        .map(|part| {
            dict.by_english.get(part).map_or(part, |n| match locale {
                Locale::En => n.en,
                Locale::Id => n.id,
                Locale::ZhCn => n.zh,
            })
        })
        .collect::<Vec<_>>()
        .join(if locale == Locale::ZhCn { "；" } else { "; " })
}

fn strip_comment(line: &str) -> &str {
    line.split_once('#').map_or(line, |(a, _)| a).trim()
}

/// Parses a built-in calendar's source.
pub(crate) fn builtin_spec(id: CalendarId) -> Result<CalendarSpec, CalendarError> {
    let dict = parse_names(NAMES).map_err(|message| CalendarError::InvalidArgument { message })?;
    parse_calendar(source(id), &dict.by_key, CalendarSpec::new(zone_of(id)), 0)
        .map(|p| p.finish())
        .map_err(|message| CalendarError::InvalidArgument {
            message: format!("built-in calendar {id}: {message}"),
        })
}

/// The codes of the built-in regions, in the order of `regions.txt`.
pub(crate) fn region_codes() -> Vec<&'static str> {
    region_blocks(REGIONS)
        .into_iter()
        .map(|(c, _, _)| c)
        .collect()
}

/// The blocks of a regions file: (code, first line number, text).
fn region_blocks(text: &'static str) -> Vec<(&'static str, usize, String)> {
    let mut out: Vec<(&'static str, usize, String)> = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let line = strip_comment(raw);
        if let Some(code) = line.strip_prefix("region ") {
            out.push((code.trim(), n, String::new()));
        } else if let Some((_, _, body)) = out.last_mut() {
            body.push_str(raw);
            body.push('\n');
        }
    }
    out
}

/// Parses a built-in region (`MY-14`) on top of its base calendar.
pub(crate) fn region_spec(code: &str) -> Result<Option<CalendarSpec>, CalendarError> {
    let err = |message: String| CalendarError::InvalidArgument {
        message: format!("built-in region {code}: {message}"),
    };
    let Some((_, first, body)) = region_blocks(REGIONS)
        .into_iter()
        .find(|(c, _, _)| c.eq_ignore_ascii_case(code))
    else {
        return Ok(None);
    };
    let dict = parse_names(NAMES).map_err(|message| CalendarError::InvalidArgument { message })?;
    region_on_base(&body, &dict.by_key, first + 1)
        .map(Some)
        .map_err(err)
}

fn region_on_base(
    body: &str,
    names: &HashMap<&'static str, Names>,
    first_line: usize,
) -> Result<CalendarSpec, String> {
    let base_code = body
        .lines()
        .map(strip_comment)
        .find_map(|l| l.strip_prefix("base "))
        .ok_or("no `base` line")?
        .trim();
    let base_id: CalendarId = base_code
        .parse()
        .map_err(|_| format!("unknown base calendar {base_code}"))?;
    let base = builtin_spec(base_id).map_err(|e| e.to_string())?;
    let base_sources = base
        .edition
        .as_ref()
        .map(|e| e.sources.clone())
        .unwrap_or_default();
    // Headers start from the base's; the lists start empty.
    let mut template = base.clone();
    template.holidays.clear();
    template.working_days.clear();
    template.estimated_years.clear();
    template.edition = None;
    let region = parse_calendar(body, names, template, first_line)?;

    let mut spec = region.spec.clone();
    spec.holidays = base.holidays;
    spec.working_days = base.working_days;
    spec.estimated_years = base.estimated_years;
    spec.estimated_years.extend(&region.spec.estimated_years);
    for (date, name) in &region.removals {
        let before = spec.holidays.len();
        spec.holidays
            .retain(|h| !(h.date == *date && h.name == *name));
        if spec.holidays.len() == before {
            return Err(format!(
                "removes {name:?} on {date}, which the base {base_id} does not have"
            ));
        }
    }
    for h in region.spec.holidays {
        match spec.holidays.iter_mut().find(|b| b.date == h.date) {
            Some(b) => {
                if b.name != h.name {
                    b.name = format!("{}; {}", b.name, h.name);
                }
                b.kind = b.kind.min(h.kind);
                b.estimated |= h.estimated;
            }
            None => spec.holidays.push(h),
        }
    }
    spec.working_days.extend(region.spec.working_days);
    let mut sources = base_sources;
    sources.extend(region.sources);
    spec.edition = Some(CalendarEdition::new(
        region.edition.as_deref().unwrap_or_default(),
        sources,
    ));
    Ok(spec)
}

/// A parsed calendar file (or region block).
struct Parsed {
    spec: CalendarSpec,
    edition: Option<String>,
    sources: Vec<String>,
    /// Base holidays a region removes: (date, English name).
    removals: Vec<(NaiveDate, String)>,
}

impl Parsed {
    fn finish(self) -> CalendarSpec {
        let mut spec = self.spec;
        spec.edition = Some(CalendarEdition::new(
            self.edition.as_deref().unwrap_or_default(),
            self.sources,
        ));
        spec
    }
}

fn parse_calendar(
    text: &str,
    names: &HashMap<&'static str, Names>,
    template: CalendarSpec,
    first_line: usize,
) -> Result<Parsed, String> {
    let mut spec = template;
    let mut edition = None;
    let mut sources = Vec::new();
    let mut removals = Vec::new();
    let mut year: Option<(i32, bool)> = None;
    for (n, raw) in text.lines().enumerate() {
        let at = |msg: String| format!("line {}: {msg}", n + 1 + first_line);
        let line = strip_comment(raw);
        if line.is_empty() {
            continue;
        }
        let mut words = line.split_whitespace();
        let head = words.next().unwrap_or_default();
        let rest: Vec<&str> = words.collect();
        match head {
            "name" => spec.name = rest.join(" "),
            "base" => {}
            "edition" => edition = Some(rest.join(" ")),
            "source" => sources.push(rest.join(" ")),
            "zone" => {
                let z = rest.join(" ");
                spec.time_zone = z.parse().map_err(|_| at(format!("unknown zone {z}")))?;
            }
            "weekmask" => {
                spec.weekmask = rest.join(" ").parse().map_err(|e| at(format!("{e}")))?;
            }
            "hours" => {
                spec.business_hours = rest
                    .iter()
                    .map(|p| p.parse::<BusinessPeriod>())
                    .collect::<Result<_, _>>()
                    .map_err(|e| at(format!("{e}")))?;
            }
            "cutoff" => {
                let t: TimeOfDay = rest.join("").parse().map_err(|e| at(format!("{e}")))?;
                spec.cutoff = Some(t);
            }
            "coverage" => {
                let [a, b] = rest.as_slice() else {
                    return Err(at("coverage needs two years".to_owned()));
                };
                let first = a.parse().map_err(|_| at(format!("bad year {a}")))?;
                let last = b.parse().map_err(|_| at(format!("bad year {b}")))?;
                spec.coverage = Some(YearRange { first, last });
            }
            "year" => {
                let (Some(y), Some(status)) = (rest.first(), rest.get(1)) else {
                    return Err(at("year needs a number and official|estimated".to_owned()));
                };
                let y: i32 = y.parse().map_err(|_| at(format!("bad year {y}")))?;
                let estimated = match *status {
                    "official" => false,
                    "estimated" => true,
                    other => return Err(at(format!("unknown year status {other}"))),
                };
                let text = rest.get(2..).unwrap_or_default().join(" ");
                if estimated {
                    spec.estimated_years.push(y);
                } else if !text.is_empty() {
                    sources.push(format!("{y}: {text}"));
                }
                year = Some((y, estimated));
            }
            date => {
                let Some((y, estimated)) = year else {
                    return Err(at("date before any year line".to_owned()));
                };
                let (m, d) = date
                    .split_once('-')
                    .and_then(|(m, d)| Some((m.parse::<u32>().ok()?, d.parse::<u32>().ok()?)))
                    .ok_or_else(|| at(format!("bad date {date}")))?;
                let date = NaiveDate::from_ymd_opt(y, m, d)
                    .ok_or_else(|| at(format!("no such date {y}-{date}")))?;
                let (kind, key) = match rest.as_slice() {
                    [key] => ("P", *key),
                    [kind, key] => (*kind, *key),
                    _ => return Err(at("expected MM-DD [kind] name".to_owned())),
                };
                let name = key
                    .split('+')
                    .map(|k| {
                        names
                            .get(k)
                            .map(|n| n.en)
                            .ok_or_else(|| at(format!("unknown name key {k}")))
                    })
                    .collect::<Result<Vec<_>, _>>()?
                    .join("; ");
                let kind = match kind {
                    "-" => {
                        removals.push((date, name));
                        continue;
                    }
                    "P" => HolidayKind::Public,
                    "C" => HolidayKind::CollectiveLeave,
                    "S" => HolidayKind::Substitute,
                    "O" => HolidayKind::Observed,
                    "W" => {
                        spec.working_days.push(WorkingDay {
                            date,
                            name: format!("Make-up working day ({name})"),
                            estimated,
                        });
                        continue;
                    }
                    other => return Err(at(format!("unknown kind {other}"))),
                };
                spec.holidays.push(Holiday {
                    date,
                    name,
                    kind,
                    estimated,
                });
            }
        }
    }
    Ok(Parsed {
        spec,
        edition,
        sources,
        removals,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_and_every_key_is_translated() {
        let dict = parse_names(NAMES).unwrap();
        assert!(dict.by_key.len() > 20);
        for (key, n) in &dict.by_key {
            assert!(
                !n.en.is_empty() && !n.id.is_empty() && !n.zh.is_empty(),
                "{key}"
            );
        }
    }

    #[test]
    fn every_builtin_source_parses_and_validates() {
        for id in CalendarId::ALL {
            let spec = builtin_spec(id).unwrap_or_else(|e| panic!("{id}: {e}"));
            let cal = super::super::BusinessCalendar::new(spec.clone())
                .unwrap_or_else(|e| panic!("{id}: {e}"));
            assert_eq!(
                cal.coverage(),
                Some(YearRange {
                    first: 2020,
                    last: 2030
                })
            );
            assert_eq!(spec.time_zone, zone_of(id));
            // Every covered year has data.
            for y in 2020..=2030 {
                assert!(
                    spec.holidays
                        .iter()
                        .any(|h| chrono::Datelike::year(&h.date) == y),
                    "{id} has no holiday in {y}"
                );
            }
        }
    }

    #[test]
    fn every_builtin_region_parses_and_keeps_its_base() {
        for code in region_codes() {
            let spec = region_spec(code)
                .unwrap_or_else(|e| panic!("{code}: {e}"))
                .unwrap();
            super::super::BusinessCalendar::new(spec).unwrap_or_else(|e| panic!("{code}: {e}"));
        }
        assert!(region_spec("XX-1").unwrap().is_none());
    }

    #[test]
    fn a_region_adds_merges_removes_and_overrides() {
        let dict = parse_names(NAMES).unwrap();
        let body = "base MY\nname Test state\nedition T-1\nweekmask 1111001\n\
                    year 2026 official Test gazette 2026\n\
                    11-08 - deepavali\n08-31 thaipusam\n01-01 new_year\n";
        let spec = region_on_base(body, &dict.by_key, 0).unwrap();
        let find = |m, d| {
            let date = NaiveDate::from_ymd_opt(2026, m, d).unwrap();
            spec.holidays.iter().find(|h| h.date == date)
        };
        assert!(find(11, 8).is_none(), "deepavali removed");
        assert_eq!(find(8, 31).unwrap().name, "National Day; Thaipusam");
        assert_eq!(find(1, 1).unwrap().name, "New Year's Day");
        assert_eq!(spec.name, "Test state");
        assert_eq!(spec.weekmask.to_string(), "1111001");
        let edition = spec.edition.unwrap();
        assert_eq!(edition.id, "T-1");
        assert_eq!(edition.sources.last().unwrap(), "2026: Test gazette 2026");
        assert!(edition.sources.iter().any(|s| s.starts_with("2020: ")));

        let missing = "base MY\nyear 2026 official x\n11-10 - deepavali\n";
        assert!(
            region_on_base(missing, &dict.by_key, 0)
                .unwrap_err()
                .contains("does not have")
        );
        assert!(region_on_base("year 2026 official x\n", &dict.by_key, 0).is_err());
        assert!(region_on_base("base XX\n", &dict.by_key, 0).is_err());
    }

    #[test]
    fn translation_falls_back_to_the_english_name() {
        assert_eq!(translate("Company Picnic", Locale::ZhCn), "Company Picnic");
        assert_eq!(translate("New Year's Day", Locale::ZhCn), "元旦");
    }
}
