#!/usr/bin/env python3
"""Reported speech in the forms news writes every day: each sentence must give a quote with
the expected speaker and content (the speaker may be a longer or shorter form of the name).

    reported_speech.py CLI

The sentences are ours, written for this test. Forms we know we still get wrong are listed at
the end and not asserted: `declined to comment` is taken as a quote, `reported 300 new cases on
Friday` keeps the date in the content, `told the council that crime had fallen` (the parse makes
`that` a determiner), `“…,” according to the report` (no cue after a quote) and `the ministry said
the strikes targeted militants` (tagged `targeted` VBN, parsed as the object `the strikes` and an
adjective, which the attribution filter drops or keeps from one retraining to the next).
"""
import json
import subprocess
import sys

CASES = [
    # (sentence, speaker, content) -- indirect
    ("The minister said the talks would resume next week.", "The minister", "the talks would resume next week"),
    ("Police said two men were arrested on Sunday.", "Police", "two men were arrested on Sunday"),
    ("The mayor told reporters the bridge would reopen in May.", "The mayor", "the bridge would reopen in May"),
    ("According to the report, unemployment rose to 5 percent.", "the report", "unemployment rose to 5 percent"),
    ("Unemployment rose to 5 percent, according to the report.", "the report", "Unemployment rose to 5 percent"),
    ("The bank, which is based in Frankfurt, said profits had doubled.", "The bank", "profits had doubled"),
    ("Officials said Tuesday that the fire had been contained.", "Officials", "the fire had been contained"),
    ("Smith, 45, said he had never seen anything like it.", "Smith", "he had never seen anything like it"),
    ("The White House said in a statement that the president would veto the bill.", "The White House", "the president would veto the bill"),
    ("Analysts expect the central bank to raise rates again.", "Analysts", "the central bank to raise rates again"),
    ("The company announced that it would cut 2,000 jobs.", "The company", "it would cut 2,000 jobs"),
    ("Witnesses described hearing three loud explosions.", "Witnesses", "hearing three loud explosions"),
    ("She argued that the law was unconstitutional.", "She", "the law was unconstitutional"),
    ("The senator warned that the deal could collapse.", "The senator", "the deal could collapse"),
    ("Doctors say the patient is in stable condition.", "Doctors", "the patient is in stable condition"),
    ("The union claims the company broke the agreement.", "The union", "the company broke the agreement"),
    ("Prosecutors allege that he stole $2 million from the charity.", "Prosecutors", "he stole $2 million from the charity"),
    ("The report found that emissions had fallen by a third.", "The report", "emissions had fallen by a third"),
    ("He added that the team would appeal.", "He", "the team would appeal"),
    ("The coach insisted his players were ready.", "The coach", "his players were ready"),
    ("Residents complained that the water smelled of gas.", "Residents", "the water smelled of gas"),
    ("The agency estimated that 40,000 people had fled.", "The agency", "40,000 people had fled"),
    ("Mr. Lee, the company's chief executive, said sales would recover.", "Mr. Lee", "sales would recover"),
    ("Sen. Elizabeth Warren (D-Mass.) said the bill was a giveaway to banks.", "Sen. Elizabeth Warren", "the bill was a giveaway to banks"),
    ("Rep. John Mica (R-Fla.) said the hearing would go ahead.", "Rep. John Mica", "the hearing would go ahead"),
    ("Gov. Gavin Newsom said the state would sue.", "Gov. Gavin Newsom", "the state would sue"),
    ("The ministry denied that any civilians had been killed.", "The ministry", "any civilians had been killed"),
    ("The company's spokesman, John Reed, said the recall was voluntary.", "John Reed", "the recall was voluntary"),
    ("The attorney, Justin Bamberg, said the police lied.", "Justin Bamberg", "the police lied"),
    ("The president has repeatedly said he would not resign.", "The president", "he would not resign"),
    ("Scientists believe the virus originated in bats.", "Scientists", "the virus originated in bats"),
    ("The judge ruled that the evidence was inadmissible.", "The judge", "the evidence was inadmissible"),
    ("Critics say the plan does little to cut emissions.", "Critics", "the plan does little to cut emissions"),
    ("Experts said the latest nuclear test could change that.", "Experts", "the latest nuclear test could change that"),
    ("The firm said it had hired 500 workers last year.", "The firm", "it had hired 500 workers last year"),
    ("Reuters reported that the deal was worth $3 billion.", "Reuters", "the deal was worth $3 billion"),
    ("The statement said the talks had been productive.", "The statement", "the talks had been productive"),
    ("The CEO told CNBC on Monday the company had no plans to sell.", "The CEO", "the company had no plans to sell"),
    ("Trump has long called for steep new tariffs on goods from China.", "Trump", "steep new tariffs on goods from China"),
    ("The combination means a revenue shortfall this year, the bank's chairman told a news conference.", "the bank's chairman", "The combination means a revenue shortfall this year"),
    ("Text messaging is set to smash more records this year, said the MDA, with forecasts suggesting a total of 30 billion.", "the MDA", "Text messaging is set to smash more records this year"),
    ("New battery chemistries promise to cram more power into the same space, said Mr Trainor, though work remains.", "Mr Trainor", "New battery chemistries promise to cram more power into the same space"),
    ("Sales jumped 22% from a year earlier, the National Association of Automobile Manufacturers (NAAMSA) said.", "the National Association of Automobile Manufacturers (NAAMSA)", "Sales jumped 22% from a year earlier"),
    # direct
    ('"We are not going anywhere," the mayor said.', "the mayor", "We are not going anywhere"),
    ('"We are not going anywhere," said Mayor Ana Ruiz.', "Mayor Ana Ruiz", "We are not going anywhere"),
    ('The mayor said: "We are not going anywhere."', "The mayor", "We are not going anywhere"),
    ('"It is a disaster," he told the BBC. "Nobody saw it coming."', "he", "It is a disaster"),
    ('"This is unacceptable," said Jane Doe, a spokeswoman for the union, on Tuesday.', "Jane Doe", "This is unacceptable"),
    ('"We will rebuild," Prime Minister Mark Carney told reporters in Ottawa.', "Prime Minister Mark Carney", "We will rebuild"),
    ('"Why now?" asked Senator Chuck Schumer.', "Senator Chuck Schumer", "Why now?"),
    ('"How many times must we see this?" Clinton said.', "Clinton", "How many times must we see this?"),
    ('"I am innocent!" he shouted as he was led away.', "he", "I am innocent!"),
    ('In a post on X, Musk wrote: "The deal is off."', "Musk", "The deal is off"),
    ('"We have no choice," a senior official, who spoke on condition of anonymity, told Reuters.', "a senior official", "We have no choice"),
    ('"That is false," the company said in a statement, adding that it would cooperate.', "the company", "That is false"),
    ('"It was terrifying," said Maria Gonzalez, 34, who lives nearby. "The whole house shook."', "Maria Gonzalez", "It was terrifying"),
    ('Trump called her "Crooked Hillary" again.', "Trump", "Crooked Hillary"),
    ('Said Ellis: "I do not get the sense she is interested in tax reform."', "Ellis", "I do not get the sense she is interested in tax reform"),
    ('"This is one of the most important projects for the region," said Albanian Prime Minister Fatos Nano.', "Albanian Prime Minister Fatos Nano", "This is one of the most important projects for the region"),
]

# (sentence, a content no quote may have): what was said is never who heard it, nor a show's title
NOT_CONTENT = [
    ('In an interview on CBS\'s "Face the Nation," House Speaker Paul Ryan said the deal was bad.', "Face the Nation"),
    ("The combination means a revenue shortfall this year, SLBA chairman - and bank director - AL Gooneratne told a news conference.", "a news conference"),
]


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    failed = []
    for text, speaker, content in CASES:
        out = subprocess.run([sys.argv[1], "analyze", "-"], input=text, capture_output=True, text=True, check=True).stdout
        quotes = json.loads(out)["quotes"]
        # no speaker opens or closes on punctuation, nor holds the marked words said
        bad = [q for q in quotes if q.get("speaker_text") and (not q["speaker_text"][0].isalnum() and q["speaker_text"][0] not in "“\"'(" or
                                                                q["speaker_text"][-1] in ",;:-" or "“" in q["speaker_text"] or '"' in q["speaker_text"])]
        ok = not bad and any(q.get("speaker_text") and (speaker in q["speaker_text"] or q["speaker_text"] in speaker) and
                 q["text"].strip(" .,") == content.strip(" .,") for q in quotes)
        if not ok:
            failed.append((text, [(q["kind"], q.get("speaker_text"), q["text"]) for q in quotes]))
    for text, bad in NOT_CONTENT:
        out = subprocess.run([sys.argv[1], "analyze", "-"], input=text, capture_output=True, text=True, check=True).stdout
        quotes = json.loads(out)["quotes"]
        if any(q["text"].strip(" .,") == bad and q["kind"] != "scare" for q in quotes):
            failed.append((text, [(q["kind"], q.get("speaker_text"), q["text"]) for q in quotes]))
    for text, got in failed:
        print("FAIL %s\n     got %s" % (text, got))
    n = len(CASES) + len(NOT_CONTENT)
    print("reported speech: %d/%d sentences give the expected speaker and content" % (n - len(failed), n))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
