# ruff: noqa: E501, E702
"""Build the shipped record from ../shared/reference/ledger (run once; its output is committed).

Usage: python tools/build_shipped_record.py src/detente/record/data
It keeps the research ledger's rows (ids EV0001...), applies the corrections below (dates,
sources, codes for evidence and lawfulness, conduct keys for deduplication, one dropped
duplicate), moves the two unilateral pledges to their own agreements, and adds the kept
milestones and new agreements (ids EV1001...).
"""

import csv
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / ".." / "shared" / "reference" / "ledger"
OUT = Path(sys.argv[1])  # e.g. src/detente/record/data
WIKI = "https://en.wikipedia.org/wiki/"

ag_rows = list(csv.DictReader(open(SRC / "agreements.csv", encoding="utf-8")))
ev_rows = list(csv.DictReader(open(SRC / "events.csv", encoding="utf-8")))

KIND = {"us_iran_talks_2025": "talks", "ukraine_talks_2025": "talks"}
AG_FIX = {
    "simla_1972": {"in_force": "1972-08-04", "note_add": " In force 1972-08-04 after both ratifications."},
}
agreements = []
for r in ag_rows:
    a = {
        "id": r["agreement_id"], "name": r["name"], "kind": KIND.get(r["agreement_id"], r["kind"]),
        "parties": r["parties"], "domain": r["domain"], "signed": r["signed"],
        "in_force": r["in_force"], "source": r["source"], "note": r["note"],
    }
    fx = AG_FIX.get(a["id"], {})
    if "in_force" in fx:
        a["in_force"] = fx["in_force"]
        a["note"] = a["note"].replace(" In-force month approximate.", "") + fx["note_add"]
    agreements.append(a)

LAWFUL = {
    "EV0007": "true", "EV0008": "true", "EV0015": "true", "EV0020": "", "EV0022": "", "EV0023": "true",
    "EV0032": "true", "EV0040": "", "EV0042": "false", "EV0043": "", "EV0047": "false",
    "EV0048": "", "EV0049": "false", "EV0050": "true", "EV0051": "true", "EV0052": "",
    "EV0061": "true", "EV0062": "true", "EV0063": "true", "EV0064": "true", "EV0073": "true",
    "EV0075": "", "EV0081": "", "EV0091": "", "EV0093": "", "EV0106": "true", "EV0112": "",
    "EV0113": "false", "EV0118": "", "EV0123": "", "EV0126": "", "EV0131": "", "EV0133": "",
    "EV0136": "", "EV0158": "false", "EV0163": "", "EV0169": "true", "EV0202": "", "EV0205": "",
    "EV0024": "",
}
CONDUCT = {
    "EV0003": "sun_krasnoyarsk_radar", "EV0006": "sun_krasnoyarsk_radar",
    "EV0007": "usa_abm_exit", "EV0008": "usa_abm_exit",
    "EV0020": "usa_inf_exit", "EV0023": "usa_inf_exit",
    "EV0047": "rus_cfe_suspension", "EV0049": "rus_cfe_suspension",
    "EV0050": "rus_cfe_exit", "EV0051": "rus_cfe_exit",
    "EV0061": "usa_open_skies_exit", "EV0062": "usa_open_skies_exit",
    "EV0063": "rus_open_skies_exit", "EV0064": "rus_open_skies_exit",
    "EV0086": "rus_crimea_2014", "EV0090": "rus_crimea_2014",
    "EV0088": "rus_invasion_2022", "EV0094": "rus_invasion_2022",
    "EV0131": "usa_jcpoa_exit", "EV0132": "usa_jcpoa_exit",
    "EV0157": "rus_minsk_exit_2022", "EV0158": "rus_minsk_exit_2022",
    "EV0174": "syr_ltamenah_2017", "EV0176": "syr_ltamenah_2017",
    "EV0179": "rus_riot_agents_ukraine", "EV0180": "rus_riot_agents_ukraine",
    "EV0183": "sun_sverdlovsk_1979", "EV0184": "sun_sverdlovsk_1979",
    "EV0123": "prk_test_moratorium_end", "EV0124": "prk_test_moratorium_end",
}
DROP = {"EV0103"}  # Crimea under Helsinki: same conduct and same UNGA vote as EV0086.
MOVE = {"EV0024": "rus_inf_moratorium_2019", "EV0123": "prk_test_moratorium_2018",
        "EV0124": "prk_test_moratorium_2018"}
FIX = {
    "EV0040": {"date": "2022-08-08", "source": "https://sputniknews.com/20220808/russia-notifies-us-of-temporary-withdrawal-of-its-facilities-from-inspections-under-new-start-1099396498.html",
               "note": "Russian MFA notified the US it was temporarily exempting its facilities from inspection, citing a Protocol clause for exceptional cases and sanctions-related obstacles for its own inspectors (mutual inspections had been paused since 2020 for COVID)."},
    "EV0058": {"source": WIKI + "Treaty_on_Open_Skies"},
    "EV0060": {"source": "https://www.ajc.com/news/nation-world/russian-upper-house-votes-to-exit-from-overflight-treaty/M33O5I37ABFNXLA66JKNO5ALQU/"},
    "EV0116": {"type": "violation_established", "evidence": "finding",
               "source": WIKI + "2006_North_Korean_nuclear_test", "note_add": " Coded as established: the test is not denied, and the UNSC (res. 1718, unanimous) condemned it."},
    "EV0128": {"established_by": ""},
    "EV0005": {"alleged_by": "", "established_by": "", "evidence": "record"},
}

def evidence_for(r, etype):
    f = r["finding_by"]
    if not f:
        return "", ""
    if f == "USA-compliance-report":
        return "determination", ""
    if f == "UNGA":
        return "resolution", ""
    if f.startswith("OPCW (agent"):
        return "corroborated", "OPCW"
    if f == "OSCE-SMM":
        return "corroborated", "OSCE-SMM"
    if f.endswith("-admission"):
        return "admission", f.split("-")[0]
    if etype == "violation_established" or etype in ("compliance_restored", "kept"):
        return "finding", f
    if etype == "violation_alleged" and f == "UNSC":
        return "finding", "UNSC"
    return "", f

events = []
for r in ev_rows:
    if r["event_id"] in DROP:
        continue
    etype = {"violation_found": "violation_established"}.get(r["event_type"], r["event_type"])
    e = {
        "id": r["event_id"], "agreement": MOVE.get(r["event_id"], r["agreement_id"]), "date": r["date"],
        "actors": r["actor"], "type": etype, "alleged_by": r["alleged_by"],
        "established_by": "", "evidence": "", "lawful": LAWFUL.get(r["event_id"], ""),
        "disputed": r["disputed"], "conduct": CONDUCT.get(r["event_id"], ""),
        "source": r["source"], "note": r["note"],
    }
    fx = FIX.get(r["event_id"], {})
    if "type" in fx:
        e["type"] = fx["type"]
    ev, by = evidence_for(r, e["type"])
    e["evidence"], e["established_by"] = ev, by
    for k in ("date", "source", "note", "evidence", "alleged_by", "established_by"):
        if k in fx:
            e[k] = fx[k]
    if "note_add" in fx:
        e["note"] += fx["note_add"]
    if e["type"] == "violation_alleged" and e["evidence"] == "":
        e["evidence"] = "allegation"
    if e["type"] == "violation_established" and e["evidence"] == "":
        e["evidence"] = "finding"
    if e["evidence"] == "":
        e["evidence"] = "record"
    events.append(e)

# ---------------------------------------------------------------- new agreements
NEW_AG = [
    ("rus_inf_moratorium_2019", "Russian unilateral moratorium on deploying INF-range missiles", "unilateral_pledge", "RUS;USA;NATO", "arms_control", "2019-08", "2019-08",
     "https://www.novinite.com/view_news.php?id=233732", "Announced after the INF Treaty ended: no deployment of ground-launched 500-5,500 km missiles unless US-made ones appeared in the region. A unilateral pledge; parties lists the pledger and those it was addressed to."),
    ("prk_test_moratorium_2018", "DPRK unilateral moratorium on nuclear and ICBM tests", "unilateral_pledge", "PRK;USA;KOR;JPN", "nonproliferation", "2018-04-20", "2018-04-21",
     "https://www.asiaone.com/asia/north-koreas-kim-jong-un-declares-end-moratoriums-nuclear-and-ballistic-missile-tests", "Announced by Kim Jong Un on 2018-04-20 before the Singapore summit; outside the Singapore statement's text. Parties lists the pledger and those it was addressed to."),
    ("ttbt_1974", "Threshold Test Ban Treaty (TTBT)", "treaty", "USA;SUN;RUS", "arms_control", "1974-07-03", "1990-12-11",
     WIKI + "Threshold_Test_Ban_Treaty", "150-kiloton limit on underground nuclear tests; in force only in 1990 with new verification protocols; both sides said they observed the limit before then."),
    ("incsea_1972", "US-Soviet Agreement on the Prevention of Incidents On and Over the High Seas (INCSEA)", "executive_agreement", "USA;SUN;RUS", "confidence_building", "1972-05-25", "1972-05-25",
     WIKI + "Incidents_at_Sea_Agreement", "Rules of conduct for warships and aircraft; annual reviews; Russia continued it as the USSR's continuator."),
    ("trilateral_statement_1994", "US-Russia-Ukraine Trilateral Statement and Annex", "political_commitment", "USA;RUS;UKR", "security_guarantee", "1994-01-14", "1994-01-14",
     "https://clintonwhitehouse6.archives.gov/1996/06/1996-06-01-fact-sheet-on-ukraine-nuclear-warheads-removal.html", "Transfer of all nuclear warheads in Ukraine to Russia for dismantlement, Russian compensation in reactor fuel, US Nunn-Lugar assistance, and the security assurances later given in Budapest."),
    ("jpoa_2013", "Joint Plan of Action (interim nuclear deal with Iran)", "political_commitment", "IRN;USA;GBR;FRA;DEU;RUS;CHN;EU", "nonproliferation", "2013-11-24", "2014-01-20",
     "https://armscontrol.org/Implementation-of-the-Joint-Plan-of-Action-At-A-Glance", "Six-month interim freeze (halt of near-20% enrichment, dilution, no new centrifuges) for limited sanctions relief; extended twice; obligations ran until JCPOA Adoption Day (2015-10-18)."),
    ("syria_air_safety_mou_2015", "US-Russia Memorandum of Understanding on air safety during operations over Syria", "executive_agreement", "USA;RUS", "confidence_building", "2015-10-20", "2015-10-20",
     "https://report.az/en/other-countries/russia-suspends-memorandum-on-syria-concluded-with-us/", "Deconfliction rules and a communication channel for US-led coalition and Russian aircraft over Syria."),
    ("us_china_mmca_1998", "US-China Military Maritime Consultative Agreement (MMCA)", "executive_agreement", "USA;CHN", "confidence_building", "1998-01-19", "1998-01-19",
     "https://mcdn.i-scmp.com/news/china/diplomacy/article/3188281/what-defence-dialogues-did-beijing-cancel-after-pelosis-taiwan", "First US-China military consultation agreement, signed after the 1996 Taiwan Strait crisis: annual meetings on maritime and air safety."),
    ("inter_korean_cma_2018", "Inter-Korean Comprehensive Military Agreement (September 19 military agreement)", "executive_agreement", "KOR;PRK", "confidence_building", "2018-09-19", "2018-09-19",
     "https://www.nasdaq.com/articles/north-korea-scraps-military-deal-with-south-vows-to-deploy-new-weapons-at-border", "Signed by the two defence ministers at the Pyongyang summit: buffer zones on land and sea, no-fly zones, removal of guard posts in the DMZ."),
    ("iran_saudi_beijing_2023", "Saudi Arabia-Iran agreement to restore relations (Beijing trilateral statement)", "political_commitment", "IRN;SAU;CHN", "confidence_building", "2023-03-10", "2023-03-10",
     "https://www.zawya.com/en/world/middle-east/irans-embassy-opens-in-riyadh-bxryg9rq", "China-brokered: resume diplomatic relations and reopen embassies within two months, respect sovereignty and non-interference, revive the 2001 security cooperation agreement."),
    ("sochi_idlib_2018", "Russia-Turkey Memorandum on Stabilisation of the Situation in the Idlib De-escalation Area (Sochi)", "memorandum", "RUS;TUR", "ceasefire", "2018-09-17", "2018-09-17",
     "https://www.urdupoint.com/en/world/kremlin-says-turkey-ignored-commitments-made-844946.html", "Demilitarised zone 15-20 km deep; Turkey to remove radical groups and heavy weapons from it; Russia to prevent an offensive on Idlib."),
    ("tehran_declaration_2003", "Tehran Declaration (Iran and the foreign ministers of France, Germany and the UK)", "political_commitment", "IRN;GBR;FRA;DEU", "nonproliferation", "2003-10-21", "2003-10-21",
     "http://acronym.org.uk/old/archive/docs/0312/doc16.htm", "Iran to sign and act in accordance with an IAEA Additional Protocol and to suspend enrichment voluntarily; the E3 to recognise Iran's right to peaceful nuclear energy."),
]
for (i, n, k, p, d, s, f, src, note) in NEW_AG:
    agreements.append({"id": i, "name": n, "kind": k, "parties": p, "domain": d, "signed": s,
                       "in_force": f, "source": src, "note": note})

# ---------------------------------------------------------------- new events
# (agreement, date, actors, type, alleged_by, established_by, evidence, lawful, disputed, conduct, source, note)
N = []
def add(ag, date, actors, typ, src, note, alleged="", by="", evidence="", lawful="", disputed="false", conduct=""):
    N.append(dict(agreement=ag, date=date, actors=actors, type=typ, alleged_by=alleged, established_by=by,
                  evidence=evidence or ("finding" if by and typ in ("kept", "compliance_restored", "violation_established") else ("allegation" if typ == "violation_alleged" else "record")),
                  lawful=lawful, disputed=disputed, conduct=conduct, source=src, note=note))

FAS_INF = "https://nuke.fas.org/control/inf"
add("inf_1987", "1991-05", "USA", "kept", FAS_INF, "All 846 US INF missile systems eliminated before the 1991-06-01 deadline under Soviet inspection.")
add("inf_1987", "1991-05", "SUN", "kept", FAS_INF, "All 1,846 Soviet INF missile systems, including the SS-20, eliminated before the 1991-06-01 deadline under US inspection.")
add("inf_1987", "2001-05-31", "USA;RUS;BLR;KAZ;UKR", "kept", "https://nuke.fas.org/control/inf", "Thirteen-year on-site inspection regime completed as scheduled; continuous portal monitoring at Votkinsk and Magna ended.")
START1 = "https://www.armscontrol.org/node/2493"
add("start1_1991", "2001-12-05", "USA", "kept", START1, "Met the START I final limits (1,600 launchers, 6,000 accountable warheads) by the seven-year deadline.")
add("start1_1991", "2001-12-05", "RUS", "kept", START1, "Met the START I final limits by the seven-year deadline.")
add("start1_1991", "1993-07-22", "BLR", "kept", WIKI + "Belarus_and_weapons_of_mass_destruction", "Acceded to the NPT as a non-nuclear-weapon state, as the Lisbon Protocol required.")
add("start1_1991", "1994-02-14", "KAZ", "kept", WIKI + "Kazakhstan_and_weapons_of_mass_destruction", "Acceded to the NPT as a non-nuclear-weapon state, as the Lisbon Protocol required.")
add("start1_1991", "1994-12-05", "UKR", "kept", "https://clintonwhitehouse6.archives.gov/1996/06/1996-06-01-fact-sheet-on-ukraine-nuclear-warheads-removal.html", "Acceded to the NPT as a non-nuclear-weapon state, as the Lisbon Protocol required; START I entered into force the same day.")
add("start1_1991", "1995-04", "KAZ", "kept", WIKI + "Kazakhstan_and_weapons_of_mass_destruction", "Last nuclear warheads on Kazakh territory transferred to Russia (month approximate).")
add("start1_1991", "1996-11-27", "BLR", "kept", WIKI + "Belarus_and_weapons_of_mass_destruction", "Last strategic missiles with warheads left Belarus for Russia.")
NS = WIKI + "New_START"
add("new_start_2010", "2012-02-03", "USA;RUS", "kept", "https://www.airandspaceforces.com/newstartplusoneandcounting/", "First treaty year: each side completed the 18 on-site inspections allowed and some 1,800 notifications were exchanged (State Department release).")
add("new_start_2010", "2018-02-05", "RUS", "kept", NS, "Russia reported meeting the central limits (1,550 deployed warheads, 700 deployed launchers, 800 total launchers) by the deadline; the US did not contest Russia's figures.")
add("new_start_2010", "2018-02-05", "USA", "kept", NS, "The US reported meeting the central limits by the deadline; Russia said it could not confirm the conversion of some Trident tubes and B-52H bombers (see EV0038).", disputed="true")
CFEB = "https://nuke.fas.org/control/cfe/cfebook/ch8g.html"
add("cfe_1990", "1995-11", "NATO", "kept", CFEB, "End of the 40-month reduction period: NATO states parties had reduced treaty-limited equipment to their ceilings (month approximate: mid-November 1995).")
add("cfe_1990", "1996-05", "RUS;BLR;UKR", "kept", CFEB, "By the First Review Conference total reductions exceeded 58,000 items; Russia, Belarus and Ukraine had completed theirs late, and Russia pledged further destruction east of the Urals by 2000.")
OSK = "https://2009-2017.state.gov/r/pa/prs/ps/2013/09/213724.htm"
add("open_skies_1992", "2002-08-08", "RUS", "kept", "https://www.questia.com/article/1P3-204599501/open-skies-flights-begin", "First official observation flight under the treaty (over the United Kingdom).")
add("open_skies_1992", "2013-09-03", "USA;RUS", "kept", OSK, "State Department marked 1,000 observation flights conducted by the states parties, the US and Russia included, since 2002.")
add("open_skies_1992", "2015-08-17", "RUS", "kept", "https://sputnikglobe.com/20150817/united-states-italy-to-fly-over-russia-1025820244.html", "Russia received a joint US-Italian observation flight from Novosibirsk, in the reciprocal pattern of treaty flights.")
IAEAR = "https://www.iaea.org/newscenter/focus/iran/iaea-and-iran-iaea-reports"
add("jcpoa_2015", "2016-01-16", "IRN", "kept", "http://www.jewishvirtuallibrary.org/iran-nuclear-history-implementation-of-the-jcpoa", "Implementation Day: the IAEA verified that Iran had completed its initial nuclear steps (centrifuge removal, LEU stockpile cut, Arak core disabled).", by="IAEA")
add("jcpoa_2015", "2016-01-16", "USA;EU", "kept", WIKI + "Joint_Comprehensive_Plan_of_Action", "Nuclear-related US secondary sanctions and EU sanctions lifted or waived on Implementation Day, as the plan required.")
for d, gov in [("2016-02", "GOV/2016/8"), ("2016-09", "GOV/2016/46"), ("2017-02", "GOV/2017/10"), ("2017-08", "GOV/2017/35"),
               ("2018-02", "GOV/2018/7"), ("2018-08", "GOV/2018/33"), ("2019-02", "GOV/2019/10"), ("2019-05", "GOV/2019/21")]:
    add("jcpoa_2015", d, "IRN", "kept", IAEAR, f"Quarterly IAEA verification report ({gov}) found Iran within the JCPOA limits on enrichment level, LEU stockpile, heavy water and centrifuges (month of the report).", by="IAEA")
add("jcpoa_2015", "2017-04-18", "IRN", "kept", "https://news.finnuclear.fi/11-nei-magazine/7626-https-www-neimagazine-com-news-newsus-president-trump-decertifies-iran-deal-5950167", "US administration certified to Congress under INARA that Iran was meeting its JCPOA commitments (certified again 2017-07-17; refused 2017-10-13).", alleged="", by="USA", evidence="determination")
CWC = WIKI + "Chemical_Weapons_Convention"
add("cwc_1993", "2017-09-27", "RUS", "kept", "https://www.trtworld.com/article/13095691", "OPCW verified the destruction of Russia's entire declared stockpile (about 39,967 t of category 1 agents), ahead of the 2023 deadline.", by="OPCW")
add("cwc_1993", "2023-07-07", "USA", "kept", "https://tass.com/world/1644167", "OPCW verified the destruction of the last US declared chemical weapon, before the 2023-09-30 deadline; all declared stockpiles worldwide were then destroyed.", by="OPCW")
SCW = WIKI + "Destruction_of_Syria%27s_chemical_weapons"
add("syria_cw_framework_2013", "2014-06-23", "SYR", "kept", SCW, "Last of Syria's declared chemicals shipped out under the OPCW-UN Joint Mission; later attacks (below) show the declaration was incomplete.", by="OPCW-UN-JM")
add("syria_cw_framework_2013", "2014-08-18", "USA", "kept", SCW, "US vessel MV Cape Ray finished neutralising the most dangerous Syrian chemicals at sea, the US part of the framework.")
add("two_plus_four_1990", "1994-08-31", "RUS", "kept", WIKI + "Western_Group_of_Forces", "Last Russian troops of the Western Group of Forces left Germany, four months before the end-1994 deadline (RUS as the USSR's continuator).")
add("algiers_accords_1981", "1981-01-20", "IRN", "kept", WIKI + "Algiers_Accords", "The 52 US hostages were released, as the Accords required.")
add("algiers_accords_1981", "1981-01-20", "USA", "kept", WIKI + "Algiers_Accords", "Frozen Iranian assets transferred through the Bank of England escrow and the Iran-US Claims Tribunal set up, as the Accords required.")
LIB = "https://armscontrol.org/factsheets/chronology-libyas-disarmament-and-relations-united-states"
add("libya_wmd_2003", "2004-01-27", "LBY", "kept", LIB, "First shipment of Libyan nuclear-weapons documents and equipment airlifted to the US under the renunciation.")
add("libya_wmd_2003", "2006-05-15", "USA", "kept", LIB, "US announced restoration of full diplomatic relations and removal of Libya from the state sponsors of terrorism list.")
add("doha_2020", "2021-08-30", "USA", "kept", WIKI + "United_States%E2%80%93Taliban_deal", "Last US troops left Afghanistan (deadline in the agreement was 2021-05-01; the US extended it unilaterally).", disputed="true")
add("istanbul_2025_exchanges", "2025-05-25", "RUS;UKR", "kept", "https://www.channelnewsasia.com/world/ukraine-russia-war-prisoners-war-exchange-5152091", "The 1,000-for-1,000 prisoner exchange agreed in Istanbul was completed over three days (2025-05-23 to 2025-05-25).")
add("bsgi_2022", "2023-07", "UKR;RUS;TUR;UN", "kept", "https://www.un.org/en/black-sea-grain-initiative", "Over the initiative's year about 32.9 million tonnes of food left Ukrainian ports under Joint Coordination Centre inspections (month approximate).")
NK = WIKI + "2020_Nagorno-Karabakh_ceasefire_agreement"
add("nk_trilateral_2020", "2020-12-01", "ARM", "kept", NK, "Armenia completed the handover of Aghdam (2020-11-20), Kalbajar (2020-11-25) and Lachin (2020-12-01) districts as the statement required.")
add("nk_trilateral_2020", "2020-11", "RUS", "kept", NK, "Russian peacekeepers deployed along the contact line and the Lachin corridor (month approximate).")
add("georgia_six_point_2008", "2008-10-08", "RUS", "kept", "http://english.eastday.com/eastday/englishedition/world/userobject1ai3908720.html", "Russian forces left the buffer zones adjacent to South Ossetia and Abkhazia two days before the 2008-10-10 deadline, with EU monitors present; troops stayed in the two regions.", by="EUMM")
add("agreed_framework_1994", "1994-11", "PRK", "kept", WIKI + "Agreed_Framework", "IAEA inspectors confirmed that the Yongbyon graphite-moderated reactor and related facilities were frozen (month approximate).", by="IAEA")
SPT = WIKI + "Six-party_talks"
add("six_party_2005", "2007-07-16", "PRK", "kept", SPT, "IAEA verified the shutdown of the Yongbyon reactor under the February 2007 initial-actions agreement.", by="IAEA")
add("six_party_2005", "2008-10-11", "USA", "kept", SPT, "US removed the DPRK from the state sponsors of terrorism list, a second-phase commitment.")
add("india_china_lac_1993_1996", "2024-10", "IND;CHN", "kept", WIKI + "2020%E2%80%932021_China%E2%80%93India_skirmishes", "Patrolling arrangement of 2024-10-21; disengagement at Depsang and Demchok completed by month end (month approximate).")
# new agreements' events
add("rus_inf_moratorium_2019", "2019-08", "RUS", "signed", "https://www.novinite.com/view_news.php?id=233732", "Putin said Russia would not deploy INF-range missiles anywhere unless US ones appeared there (month approximate).")
add("prk_test_moratorium_2018", "2018-04-20", "PRK", "signed", "https://www.asiaone.com/asia/north-koreas-kim-jong-un-declares-end-moratoriums-nuclear-and-ballistic-missile-tests", "Kim announced a halt to nuclear and ICBM tests from 2018-04-21 and the closure of the Punggye-ri test site.")
TT = WIKI + "Threshold_Test_Ban_Treaty"
add("ttbt_1974", "1974-07-03", "USA;SUN", "signed", TT, "Signed in Moscow by Nixon and Brezhnev.")
add("ttbt_1974", "1984-01", "SUN", "violation_alleged", TT, "First US report to Congress on Soviet noncompliance said some Soviet tests were likely above the 150-kt threshold; the USSR denied it, and later joint verification experiments in 1988 narrowed the yield uncertainties (month approximate).", alleged="USA", evidence="determination", disputed="true")
add("ttbt_1974", "1990-12-11", "USA;SUN", "entered_into_force", TT, "Instruments exchanged after the 1990 verification protocols.")
IN = WIKI + "Incidents_at_Sea_Agreement"
add("incsea_1972", "1972-05-25", "USA;SUN", "signed", IN, "Signed in Moscow during the Nixon-Brezhnev summit; in force on signature.")
add("incsea_1972", "1973-05-22", "USA;SUN", "extended", IN, "Protocol extended the rules to non-military ships.")
TS = "https://clintonwhitehouse6.archives.gov/1996/06/1996-06-01-fact-sheet-on-ukraine-nuclear-warheads-removal.html"
add("trilateral_statement_1994", "1994-01-14", "USA;RUS;UKR", "signed", "https://www.atomicarchive.com/resources/documents/deterrence/trilateral.html", "Signed in Moscow by Clinton, Yeltsin and Kravchuk.")
add("trilateral_statement_1994", "1996-06-01", "UKR", "kept", TS, "The last of about 1,900 strategic nuclear warheads left Ukraine for Russia.")
add("trilateral_statement_1994", "1996-06-01", "RUS", "kept", TS, "Russia was dismantling the transferred warheads and delivering reactor fuel to Ukraine as compensation on the agreed schedule (White House fact sheet).")
add("trilateral_statement_1994", "1994-12-05", "USA;RUS;GBR", "kept", TS, "The security assurances promised in the statement were given in Budapest when Ukraine acceded to the NPT.")
JP = "https://armscontrol.org/Implementation-of-the-Joint-Plan-of-Action-At-A-Glance"
add("jpoa_2013", "2013-11-24", "IRN;USA;GBR;FRA;DEU;RUS;CHN;EU", "signed", JP, "Agreed in Geneva.")
add("jpoa_2013", "2014-01-20", "IRN;USA;EU", "entered_into_force", "https://geneva.usmission.gov/2014/01/20/today-marks-first-day-of-implementation-of-joint-plan-of-action-on-irans-nuclear-program/", "First day of implementation after an IAEA report.")
add("jpoa_2013", "2014-01-20", "IRN", "kept", "https://armscontrolcenter.org/iaea-confirms-implementation-of-iran-deal/", "IAEA confirmed Iran had stopped enrichment above 5% and begun diluting its near-20% stockpile.", by="IAEA")
add("jpoa_2013", "2014-01-20", "USA;EU", "kept", "https://geneva.usmission.gov/2014/01/20/today-marks-first-day-of-implementation-of-joint-plan-of-action-on-irans-nuclear-program/", "US waivers and EU suspensions of the limited sanctions named in the plan took effect the same day.")
add("jpoa_2013", "2014-07-22", "IRN", "kept", "http://www.state.gov/r/pa/prs/ps/2014/07/229658.htm", "State Department: the US and IAEA assessed that Iran had carried out all its JPOA commitments (dilution/conversion of its near-20% stock completed); the plan was extended.", by="IAEA")
add("jpoa_2013", "2014-07-18", "IRN;USA;GBR;FRA;DEU;RUS;CHN;EU", "extended", "http://www.state.gov/r/pa/prs/ps/2014/07/229658.htm", "Extended to 2014-11-24.")
add("jpoa_2013", "2014-11-24", "IRN;USA;GBR;FRA;DEU;RUS;CHN;EU", "extended", JP, "Extended again while the comprehensive deal was negotiated; Kerry said both sides had implemented their commitments.")
add("jpoa_2013", "2015-10-18", "IRN;USA;GBR;FRA;DEU;RUS;CHN;EU", "expired", JP, "Obligations ended when JCPOA Adoption Day began the comprehensive deal.")
SA = "https://report.az/en/other-countries/russia-suspends-memorandum-on-syria-concluded-with-us/"
add("syria_air_safety_mou_2015", "2015-10-20", "USA;RUS", "signed", WIKI + "Russian_military_intervention_in_the_Syrian_civil_war", "Memorandum on flight safety signed by the two defence ministries.")
add("syria_air_safety_mou_2015", "2017-04-07", "RUS", "suspended", SA, "Russia suspended the memorandum after US cruise-missile strikes on Shayrat airbase; the Pentagon said it wanted to keep the channel.")
MM = "https://mcdn.i-scmp.com/news/china/diplomacy/article/3188281/what-defence-dialogues-did-beijing-cancel-after-pelosis-taiwan"
add("us_china_mmca_1998", "1998-01-19", "USA;CHN", "signed", MM, "Signed in Beijing; annual meetings followed.")
add("us_china_mmca_1998", "2022-08-05", "CHN", "suspended", "https://blnews.net/2022/08/chinese-ministry-of-foreign-affairs-announces-countermeasures%E2%80%82in-response-to-nancy-pelosis-visit-to-taiwan/", "Chinese MFA cancelled MMCA meetings among countermeasures to the US House Speaker's visit to Taiwan.")
KC = "https://www.nasdaq.com/articles/north-korea-scraps-military-deal-with-south-vows-to-deploy-new-weapons-at-border"
add("inter_korean_cma_2018", "2018-09-19", "KOR;PRK", "signed", KC, "Signed by the defence ministers at the Pyongyang summit.")
add("inter_korean_cma_2018", "2023-11-22", "KOR", "suspended", "https://m.korean-vibe.com/news/newsview.php?ncode=179538121695359", "South Korea suspended part of the agreement (surveillance flights near the border) after a DPRK spy-satellite launch.", conduct="kor_cma_suspension")
add("inter_korean_cma_2018", "2023-11-22", "PRK", "violation_alleged", KC, "A US State Department spokesperson cited North Korea's failure to adhere to the agreement; South Korea had listed DPRK breaches since 2019.", alleged="KOR;USA", disputed="true")
add("inter_korean_cma_2018", "2023-11-23", "PRK", "withdrew", KC, "DPRK defence ministry said it would no longer be bound and would restore all halted military measures at the border.")
add("inter_korean_cma_2018", "2024-06-04", "KOR", "suspended", "https://www.shine.cn/news/world/2406039744/", "Cabinet suspended the whole agreement after DPRK trash-balloon launches, until trust is restored.", conduct="kor_cma_suspension")
IS = "https://www.zawya.com/en/world/middle-east/irans-embassy-opens-in-riyadh-bxryg9rq"
add("iran_saudi_beijing_2023", "2023-03-10", "IRN;SAU;CHN", "signed", "https://www.geo.tv/latest/491601-new-era-iran-reopen-embassy-in-saudi-arabia-after-seven-years", "Trilateral statement issued in Beijing.")
add("iran_saudi_beijing_2023", "2023-06-06", "IRN;SAU", "kept", IS, "Iran's embassy in Riyadh reopened at a ceremony attended by Saudi officials, carrying out the agreement to reopen missions.")
SO = "https://www.urdupoint.com/en/world/kremlin-says-turkey-ignored-commitments-made-844946.html"
add("sochi_idlib_2018", "2018-09-17", "RUS;TUR", "signed", SO, "Signed by Putin and Erdogan in Sochi.")
add("sochi_idlib_2018", "2020-01-29", "RUS", "violation_alleged", "https://infosurhoy.com/news/erdogan-says-russia-not-loyal-to-agreements-on-syria/", "Erdogan said Russia was abiding by neither the Astana nor the Sochi agreements as Russian-backed Syrian forces advanced in Idlib; Russia said it kept its obligations.", alleged="TUR", disputed="true")
add("sochi_idlib_2018", "2020-02-23", "TUR", "violation_alleged", SO, "Kremlin spokesman said Turkey had not met its commitment to separate militants and withdraw heavy weapons from the zone; Turkey said it was trying to honour the deal.", alleged="RUS", disputed="true")
add("sochi_idlib_2018", "2020-03-05", "RUS;TUR", "signed", WIKI + "2020_Idlib_ceasefire", "Additional Moscow protocol: ceasefire and a security corridor along the M4 highway.")
TD = "http://acronym.org.uk/old/archive/docs/0312/doc16.htm"
add("tehran_declaration_2003", "2003-10-21", "IRN;GBR;FRA;DEU", "signed", TD, "Agreed in Tehran with the three foreign ministers.")
add("tehran_declaration_2003", "2003-12-18", "IRN", "kept", "https://www.iranwatch.org/library/international-organization/international-atomic-energy-agency-iaea/other-iaea-document/iaea-announces-iran-signs-additional-protocol-nuclear", "Iran signed the Additional Protocol in Vienna and said it would act in accordance with it pending ratification, as declared in Tehran.")
add("tehran_declaration_2003", "2006-02", "IRN", "suspended", WIKI + "Iran_and_weapons_of_mass_destruction", "After the IAEA Board reported Iran to the UNSC (2006-02-04), Iran ended its voluntary application of the Additional Protocol (month approximate).")

for i, e in enumerate(N, start=1001):
    e["id"] = f"EV{i}"
    events.append(e)

AG_COLS = ["id", "name", "kind", "parties", "domain", "signed", "in_force", "source", "note"]
EV_COLS = ["id", "agreement", "date", "actors", "type", "alleged_by", "established_by", "evidence",
           "lawful", "disputed", "conduct", "source", "note"]
agreements.sort(key=lambda a: a["id"])
events.sort(key=lambda e: (e["agreement"], e["date"], e["id"]))
OUT.mkdir(parents=True, exist_ok=True)
with open(OUT / "agreements.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.DictWriter(f, AG_COLS, lineterminator="\n"); w.writeheader(); w.writerows(agreements)
with open(OUT / "events.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.DictWriter(f, EV_COLS, lineterminator="\n"); w.writeheader(); w.writerows(events)
print(len(agreements), "agreements", len(events), "events")
