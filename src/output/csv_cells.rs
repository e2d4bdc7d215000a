//! CSV cells straight from a view's `Serialize`: nested objects flatten to one cell per field,
//! a missing (`null`) object to its empty cells, a list to its items' key joined by `;`.
//!
//! The same derive that writes JSON writes CSV, so there is still one field list; writing the
//! cells directly instead of through a `serde_json::Value` saves building a map per claim, which
//! was most of the time of `list --all --format csv`.

use serde::ser::{self, Impossible, Serialize};
use std::fmt::{self, Display};

/// Why a value could not become cells (a shape a view never has).
#[derive(Debug)]
pub struct CellError(String);

impl Display for CellError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CellError {}

impl ser::Error for CellError {
    fn custom<T: Display>(msg: T) -> Self {
        CellError(msg.to_string())
    }
}

/// The cells of `value`, a struct whose fields take `widths` cells each (a nested object one
/// per field: a `None` one is padded with empty cells to that width).
pub fn cells<T: Serialize>(value: &T, widths: &[usize]) -> Result<Vec<String>, CellError> {
    let mut out = Top {
        cells: Vec::with_capacity(widths.iter().sum()),
        widths,
        field: 0,
    };
    value.serialize(&mut out)?;
    Ok(out.cells)
}

/// The top-level struct: each field flattened, then padded to its width.
struct Top<'w> {
    cells: Vec<String>,
    widths: &'w [usize],
    field: usize,
}

/// Leaf values and nested structs, appended to `cells`.
struct Flat<'c> {
    cells: &'c mut Vec<String>,
}

/// A list item: its `code` (a warning) or `location` (a PoE version), or the value itself.
struct Item {
    key: Option<String>,
}

macro_rules! leaf_methods {
    ($push:ident) => {
        fn serialize_bool(self, v: bool) -> Result<(), CellError> {
            self.$push(v.to_string())
        }
        fn serialize_i8(self, v: i8) -> Result<(), CellError> {
            self.$push(v.to_string())
        }
        fn serialize_i16(self, v: i16) -> Result<(), CellError> {
            self.$push(v.to_string())
        }
        fn serialize_i32(self, v: i32) -> Result<(), CellError> {
            self.$push(v.to_string())
        }
        fn serialize_i64(self, v: i64) -> Result<(), CellError> {
            self.$push(v.to_string())
        }
        fn serialize_u8(self, v: u8) -> Result<(), CellError> {
            self.$push(v.to_string())
        }
        fn serialize_u16(self, v: u16) -> Result<(), CellError> {
            self.$push(v.to_string())
        }
        fn serialize_u32(self, v: u32) -> Result<(), CellError> {
            self.$push(v.to_string())
        }
        fn serialize_u64(self, v: u64) -> Result<(), CellError> {
            self.$push(v.to_string())
        }
        fn serialize_f32(self, v: f32) -> Result<(), CellError> {
            self.$push(v.to_string())
        }
        fn serialize_f64(self, v: f64) -> Result<(), CellError> {
            self.$push(v.to_string())
        }
        fn serialize_char(self, v: char) -> Result<(), CellError> {
            self.$push(v.to_string())
        }
        fn serialize_str(self, v: &str) -> Result<(), CellError> {
            self.$push(v.to_string())
        }
        fn serialize_bytes(self, _: &[u8]) -> Result<(), CellError> {
            Err(ser::Error::custom("bytes have no CSV cell"))
        }
        fn serialize_unit(self) -> Result<(), CellError> {
            Ok(())
        }
        fn serialize_unit_struct(self, _: &'static str) -> Result<(), CellError> {
            Ok(())
        }
        fn serialize_unit_variant(
            self,
            _: &'static str,
            _: u32,
            variant: &'static str,
        ) -> Result<(), CellError> {
            self.$push(variant.to_string())
        }
        fn serialize_newtype_struct<T: ?Sized + Serialize>(
            self,
            _: &'static str,
            value: &T,
        ) -> Result<(), CellError> {
            value.serialize(self)
        }
        fn serialize_newtype_variant<T: ?Sized + Serialize>(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: &T,
        ) -> Result<(), CellError> {
            Err(ser::Error::custom("enum data has no CSV cell"))
        }
        fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, CellError> {
            Err(ser::Error::custom("a tuple has no CSV cell"))
        }
        fn serialize_tuple_struct(
            self,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeTupleStruct, CellError> {
            Err(ser::Error::custom("a tuple has no CSV cell"))
        }
        fn serialize_tuple_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeTupleVariant, CellError> {
            Err(ser::Error::custom("a tuple has no CSV cell"))
        }
        fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, CellError> {
            Err(ser::Error::custom("a map has no CSV cell"))
        }
        fn serialize_struct_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeStructVariant, CellError> {
            Err(ser::Error::custom("enum data has no CSV cell"))
        }
    };
}

impl Top<'_> {
    fn push(&mut self, _: String) -> Result<(), CellError> {
        Err(ser::Error::custom("a view is a struct"))
    }
}

impl<'a, 'w> ser::Serializer for &'a mut Top<'w> {
    type Ok = ();
    type Error = CellError;
    type SerializeSeq = Impossible<(), CellError>;
    type SerializeTuple = Impossible<(), CellError>;
    type SerializeTupleStruct = Impossible<(), CellError>;
    type SerializeTupleVariant = Impossible<(), CellError>;
    type SerializeMap = Impossible<(), CellError>;
    type SerializeStruct = Self;
    type SerializeStructVariant = Impossible<(), CellError>;

    leaf_methods!(push);

    fn serialize_none(self) -> Result<(), CellError> {
        Err(ser::Error::custom("a view is a struct"))
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<(), CellError> {
        value.serialize(self)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, CellError> {
        Err(ser::Error::custom("a view is a struct"))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, CellError> {
        Ok(self)
    }
}

impl ser::SerializeStruct for &mut Top<'_> {
    type Ok = ();
    type Error = CellError;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        _: &'static str,
        value: &T,
    ) -> Result<(), CellError> {
        let width = *self
            .widths
            .get(self.field)
            .ok_or_else(|| <CellError as ser::Error>::custom("more fields than columns"))?;
        let before = self.cells.len();
        value.serialize(Flat {
            cells: &mut self.cells,
        })?;
        let wrote = self.cells.len() - before;
        if wrote > width {
            return Err(ser::Error::custom("a field has more cells than columns"));
        }
        // A `None` writes nothing: its columns are empty.
        self.cells.resize(before + width, String::new());
        self.field += 1;
        Ok(())
    }

    fn end(self) -> Result<(), CellError> {
        Ok(())
    }
}

impl Flat<'_> {
    fn push(self, cell: String) -> Result<(), CellError> {
        self.cells.push(cell);
        Ok(())
    }
}

impl<'c> ser::Serializer for Flat<'c> {
    type Ok = ();
    type Error = CellError;
    type SerializeSeq = Joined<'c>;
    type SerializeTuple = Impossible<(), CellError>;
    type SerializeTupleStruct = Impossible<(), CellError>;
    type SerializeTupleVariant = Impossible<(), CellError>;
    type SerializeMap = Impossible<(), CellError>;
    type SerializeStruct = Self;
    type SerializeStructVariant = Impossible<(), CellError>;

    leaf_methods!(push);

    fn serialize_none(self) -> Result<(), CellError> {
        Ok(())
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<(), CellError> {
        value.serialize(self)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Joined<'c>, CellError> {
        Ok(Joined {
            cells: self.cells,
            items: Vec::new(),
        })
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, CellError> {
        Ok(self)
    }
}

impl ser::SerializeStruct for Flat<'_> {
    type Ok = ();
    type Error = CellError;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        _: &'static str,
        value: &T,
    ) -> Result<(), CellError> {
        let before = self.cells.len();
        value.serialize(Flat {
            cells: &mut *self.cells,
        })?;
        // A nested `null` is one empty cell.
        if self.cells.len() == before {
            self.cells.push(String::new());
        }
        Ok(())
    }

    fn end(self) -> Result<(), CellError> {
        Ok(())
    }
}

/// A list as one cell: its items' keys joined by `;`.
pub struct Joined<'c> {
    cells: &'c mut Vec<String>,
    items: Vec<String>,
}

impl ser::SerializeSeq for Joined<'_> {
    type Ok = ();
    type Error = CellError;

    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), CellError> {
        let mut item = Item { key: None };
        value.serialize(&mut item)?;
        self.items.push(item.key.unwrap_or_default());
        Ok(())
    }

    fn end(self) -> Result<(), CellError> {
        self.cells.push(self.items.join(";"));
        Ok(())
    }
}

impl Item {
    fn push(&mut self, cell: String) -> Result<(), CellError> {
        self.key = Some(cell);
        Ok(())
    }
}

impl ser::Serializer for &mut Item {
    type Ok = ();
    type Error = CellError;
    type SerializeSeq = Impossible<(), CellError>;
    type SerializeTuple = Impossible<(), CellError>;
    type SerializeTupleStruct = Impossible<(), CellError>;
    type SerializeTupleVariant = Impossible<(), CellError>;
    type SerializeMap = Impossible<(), CellError>;
    type SerializeStruct = Self;
    type SerializeStructVariant = Impossible<(), CellError>;

    leaf_methods!(push);

    fn serialize_none(self) -> Result<(), CellError> {
        Ok(())
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<(), CellError> {
        value.serialize(self)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, CellError> {
        Err(ser::Error::custom("a list item is not a list"))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, CellError> {
        Ok(self)
    }
}

impl ser::SerializeStruct for &mut Item {
    type Ok = ();
    type Error = CellError;

    /// A warning is named by its `code`, a PoE version by its `location`.
    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), CellError> {
        if matches!(key, "code" | "location") {
            value.serialize(&mut **self)?;
        }
        Ok(())
    }

    fn end(self) -> Result<(), CellError> {
        Ok(())
    }
}
