//! A customer's delivery addresses: only their own, ever.

use super::home::render_home;
use super::*;
use crate::page::path_id;

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct AddressForm {
    #[serde(flatten)]
    fields: std::collections::HashMap<String, String>,
}

impl AddressForm {
    fn input(&self) -> Address {
        let get = |k: &str| self.fields.get(k).cloned().unwrap_or_default();
        Address {
            name: get("name"),
            line1: get("line1"),
            line2: get("line2"),
            city: get("city"),
            region: get("region"),
            postcode: get("postcode"),
            country: get("country"),
            phone: get("phone"),
        }
    }
}

pub(super) async fn add(State(state): State<AppState>, me: Customer, Form { value: f, .. }: Form<AddressForm>) -> PageResult {
    match state.store.add_address(me.user.id, &f.input()).await {
        Ok(a) => {
            audit(&state, "address_added", Some(me.user.id), &me.user.email, &me.visitor.ip, json!({"address_id": a.id})).await;
            Ok(redirect(&in_language("/account"), None))
        }
        Err(StoreError::Invalid(v)) => {
            render_home(&state, &Ctx::from(me.visitor), &me.user, StatusCode::UNPROCESSABLE_ENTITY, "", problems::lines(&state, &v)).await
        }
        Err(e) => Err(e.into()),
    }
}

pub(super) async fn update(
    State(state): State<AppState>,
    me: Customer,
    Path(raw): Path<String>,
    Form { value: f, .. }: Form<AddressForm>,
) -> PageResult {
    let id = path_id(&raw)?;
    match state.store.update_address(me.user.id, id, &f.input()).await {
        Ok(_) => {
            audit(&state, "address_changed", Some(me.user.id), &me.user.email, &me.visitor.ip, json!({"address_id": id})).await;
            Ok(redirect(&in_language("/account"), None))
        }
        Err(StoreError::Invalid(v)) => {
            render_home(&state, &Ctx::from(me.visitor), &me.user, StatusCode::UNPROCESSABLE_ENTITY, "", problems::lines(&state, &v)).await
        }
        Err(StoreError::NotFound(_)) => Err(PageError::NotFound("Address")),
        Err(e) => Err(e.into()),
    }
}

pub(super) async fn delete(State(state): State<AppState>, me: Customer, Path(raw): Path<String>, _: Form<CsrfOnly>) -> PageResult {
    let id = path_id(&raw)?;
    match state.store.delete_address(me.user.id, id).await {
        Ok(()) => {
            audit(&state, "address_deleted", Some(me.user.id), &me.user.email, &me.visitor.ip, json!({"address_id": id})).await;
            Ok(redirect(&in_language("/account"), None))
        }
        Err(StoreError::NotFound(_)) => Err(PageError::NotFound("Address")),
        Err(e) => Err(e.into()),
    }
}
