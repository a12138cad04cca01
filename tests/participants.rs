//! `copil participants import`: the invitation list, as csv, xlsx or ods, into the meeting's
//! participants; twice adds nothing; a bad row refuses the whole run.

mod common;

use std::path::Path;

use copil::model::Meeting;

fn load(file: &Path) -> Meeting {
    copil::store::load(file, &copil::config::Config::builtin().marks).unwrap()
}

fn import(home: &Path, file: &Path, lists: &[&str]) -> std::process::Output {
    let mut args = vec!["participants", "import", file.to_str().unwrap()];
    args.extend(lists);
    common::copil_at(home, "C.UTF-8", &args)
}

#[test]
fn an_invitation_list_adds_its_people_once_in_every_format() {
    for list in ["csv", "xlsx", "ods"] {
        let home = tempfile::tempdir().unwrap();
        let file = pty_free_sample(home.path());
        let before = load(&file).participants;
        let path = format!("tests/fixtures/lists/invitation.{list}");
        let out = import(home.path(), &file, &[&path]);
        let said = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "{list}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        // Mounia SBAITI is in the sample already (as "Mme. Mounia SBAITI").
        assert!(
            said.contains("3 added, 1 already in the meeting"),
            "{list}: {said}"
        );
        let after = load(&file).participants;
        assert_eq!(after.len(), before.len() + 3, "{list}");
        let karim = after
            .iter()
            .position(|p| p.name.as_deref() == Some("M. Karim EL FASSI"))
            .expect("with his civility");
        assert_eq!(
            after[karim - 1].organization,
            after[karim].organization,
            "{list}: after the others of his organisation"
        );
        assert_eq!(after[karim].email.as_deref(), Some("k.elfassi@example.ma"));
        let cndh = after.last().unwrap();
        assert_eq!(cndh.name, None, "an organisation invited without a person");
        let sbaiti = after
            .iter()
            .find(|p| p.name.as_deref() == Some("Mme. Mounia SBAITI"))
            .unwrap();
        assert_eq!(
            sbaiti.email.as_deref(),
            Some("m.sbaiti@example.ma"),
            "an address she lacked"
        );

        let again = import(home.path(), &file, &[&path]);
        let said = String::from_utf8_lossy(&again.stdout);
        assert!(
            said.contains("0 added, 4 already in the meeting"),
            "{list}: {said}"
        );
        assert_eq!(
            load(&file).participants,
            after,
            "{list}: importing twice adds nothing"
        );
    }
}

#[test]
fn a_bad_row_is_named_and_nothing_of_the_run_is_kept() {
    let home = tempfile::tempdir().unwrap();
    let file = pty_free_sample(home.path());
    let before = std::fs::read(&file).unwrap();
    let bad = home.path().join("bad.csv");
    std::fs::write(
        &bad,
        "Nom,Organisation,Courriel\nA. B,ACODEC,a@b.ma\nC. D,,c@d.ma\nE. F,ADFM,pas une adresse\n",
    )
    .unwrap();
    let good = "tests/fixtures/lists/invitation.csv";
    let out = import(home.path(), &file, &[good, bad.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("bad.csv: row 3: no organisation"), "{err}");
    assert!(
        err.contains("row 4: \"pas une adresse\" is not an e-mail address"),
        "{err}"
    );
    assert!(err.contains("Nothing was imported"), "{err}");
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "the meeting file untouched"
    );

    let latin1 = home.path().join("latin1.csv");
    std::fs::write(&latin1, b"Nom;Organisation\nA;Minist\xe8re\n").unwrap();
    let out = import(home.path(), &file, &[latin1.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("Latin-1") || err.contains("latin"),
        "the encoding is named: {err}"
    );

    let nothing = home.path().join("nothing.csv");
    std::fs::write(&nothing, "Nom;Fonction\nA;B\n").unwrap();
    let out = import(home.path(), &file, &[nothing.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("no Organisation column"));
}

/// The sample meeting copied into `home`.
fn pty_free_sample(home: &Path) -> std::path::PathBuf {
    let file = home.join("meeting.toml");
    std::fs::copy("sample-data/copil-2024-02-22.toml", &file).unwrap();
    file
}
