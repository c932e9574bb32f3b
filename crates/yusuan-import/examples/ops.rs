//! Prints a page's ExtGStates and content operators (`ops FILE.pdf PAGE`): to see why a page shows
//! what it shows (a clip, an image over text, a colour).
use lopdf::{Document, Object, content::Content};
fn main() {
    let a: Vec<String> = std::env::args().collect();
    let doc = Document::load(&a[1]).unwrap();
    let n: u32 = a[2].parse().unwrap();
    let id = doc.get_pages()[&n];
    let c = doc.get_page_content(id);
    if let Ok((Some(res), _)) = doc.get_page_resources(id)
        && let Ok(gs) = res
            .get(b"ExtGState")
            .and_then(|g| doc.dereference(g))
            .and_then(|(_, g)| g.as_dict())
    {
        for (k, v) in gs.iter() {
            let d = doc
                .dereference(v)
                .ok()
                .and_then(|(_, o)| o.as_dict().ok().cloned());
            println!("ExtGState {} = {:?}", String::from_utf8_lossy(k), d);
        }
    }
    let ops = Content::decode(&c).unwrap();
    for op in ops.operations {
        let args: Vec<String> = op
            .operands
            .iter()
            .map(|o| match o {
                Object::String(b, _) => format!("<{} bytes>", b.len()),
                Object::Array(v) => format!("[{} items]", v.len()),
                other => format!("{other:?}"),
            })
            .collect();
        println!("{} {}", op.operator, args.join(" "));
    }
}
