export const validation = {
  required: 'Không được để trống.',
  text: 'Phải là văn bản.',
  tooLong: 'Quá dài.',
  invalid: 'Giá trị không hợp lệ.',
  invalidId: 'Mã định danh không hợp lệ.',
  date: 'Ngày không hợp lệ (nhập theo dạng dd/mm/yyyy).',
  number: 'Phải là số.',
  choose: 'Hãy chọn một giá trị.',
};
